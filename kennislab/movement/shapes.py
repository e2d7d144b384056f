"""The map's drawing, read once from the checked-in data/provinces.json (made by
`manage.py build_map` from data/provincie_2024.geojson; kennislab/movement/geometry.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SOURCE_PATH = DATA / "provincie_2024.geojson"
DATA_PATH = DATA / "provinces.json"


@dataclass(frozen=True)
class Shape:
    slug: str
    name: str  # CBS's name (Fryslân); the site shows PROVINCE_NAMES
    d: str
    label_x: int
    label_y: int


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    credit: str
    shapes: tuple[Shape, ...]

    def shape(self, slug: str) -> Shape:
        return next(shape for shape in self.shapes if shape.slug == slug)


@cache
def drawing() -> Drawing:
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    return Drawing(
        width=data["width"],
        height=data["height"],
        credit=data["credit"],
        shapes=tuple(
            Shape(p["slug"], p["name"], p["d"], p["label"][0], p["label"][1])
            for p in data["provinces"]
        ),
    )
