"""From the bundled boundary file to SVG path data, as plain functions on plain data.

* The boundaries are CBS's generalised provinces of 2024 (via PDOK; `cartomap/nl`,
  `rd/provincie_2024.geojson`, CC BY 4.0), bundled in data/provincie_2024.geojson. They are in the
  Dutch grid (RD New, metres), so a plain linear scale gives SVG coordinates: x from the west edge,
  y flipped (SVG's y grows downwards, RD's northing upwards), SCALE metres to one unit.
* Each ring is thinned with Douglas–Peucker (TOLERANCE units) and rounded to whole units;
  repeated points go. A ring left with fewer than three points is dropped.
* A province's number goes at the inside point of its largest part that lies furthest from its
  edges (a coarse grid search; the centre of a bent province can lie outside it).

`manage.py build_map` runs `build()` once and writes data/provinces.json, which is checked in; a
test checks that the checked-in file equals what the command makes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

SCALE = 400  # metres per SVG unit: the country is about 660 × 780 units
TOLERANCE = 0.6  # SVG units
MARGIN = 4  # SVG units around the country
LABEL_GRID = 24  # grid steps per side when looking for a label point
SOURCE = "cartomap/nl rd/provincie_2024.geojson (CBS / PDOK, CC BY 4.0)"
CREDIT = "CBS / PDOK, CC BY 4.0"

# CBS's province codes → our province slugs (kennislab.campaigns.rules.PROVINCES)
PROVINCE_CODES = {
    "PV20": "groningen",
    "PV21": "friesland",
    "PV22": "drenthe",
    "PV23": "overijssel",
    "PV24": "flevoland",
    "PV25": "gelderland",
    "PV26": "utrecht",
    "PV27": "noord-holland",
    "PV28": "zuid-holland",
    "PV29": "zeeland",
    "PV30": "noord-brabant",
    "PV31": "limburg",
}

Point = tuple[float, float]


def polygons(geometry: dict) -> list[list[list[Point]]]:
    """A GeoJSON Polygon or MultiPolygon as a list of polygons, each a list of rings."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"not a polygon: {geometry['type']}")


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker on an open line: the first and last point always stay."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance_to_segment(points[i], points[first], points[last])
            if distance > worst:
                worst, index = distance, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def project(point: Sequence[float], west: float, north: float) -> Point:
    """RD metres → SVG units: x from the west edge, y down from the north edge."""
    x, y = point[0], point[1]
    return ((x - west) / SCALE + MARGIN, (north - y) / SCALE + MARGIN)


def thin_ring(ring: Sequence[Point], tolerance: float = TOLERANCE) -> list[tuple[int, int]]:
    """A closed ring (first point repeated last), thinned and rounded, without the repeat."""
    thinned = simplify(ring, tolerance)
    rounded: list[tuple[int, int]] = []
    for x, y in thinned:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    return rounded if len(rounded) >= 3 else []


def ring_path(points: Sequence[tuple[int, int]]) -> str:
    """`M x,y x,y … Z`: after the move, each pair is a line to it."""
    first, *rest = points
    return f"M{first[0]},{first[1]}" + "".join(f" {x},{y}" for x, y in rest) + "Z"


def area(ring: Sequence[Point]) -> float:
    """The absolute area of a ring (shoelace)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def inside(point: Point, rings: Sequence[Sequence[Point]]) -> bool:
    """Even–odd rule over the outer ring and its holes."""
    x, y = point
    result = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                result = not result
    return result


def label_point(rings: Sequence[Sequence[Point]]) -> tuple[int, int]:
    """The grid point inside the polygon furthest from its edges (the first such on a tie)."""
    outer = rings[0]
    xs, ys = [x for x, _ in outer], [y for _, y in outer]
    west, east, north, south = min(xs), max(xs), min(ys), max(ys)
    best, best_distance = None, -1.0
    for i in range(1, LABEL_GRID):
        for j in range(1, LABEL_GRID):
            point = (
                west + (east - west) * i / LABEL_GRID,
                north + (south - north) * j / LABEL_GRID,
            )
            if not inside(point, rings):
                continue
            distance = min(
                _distance_to_segment(point, a, b)
                for ring in rings
                for a, b in zip(ring, [*ring[1:], ring[0]], strict=True)
            )
            if distance > best_distance:
                best, best_distance = point, distance
    if best is None:  # a sliver: its first point
        best = outer[0]
    return (round(best[0]), round(best[1]))


def build(source: str) -> dict:
    """The map's data from the GeoJSON text: the size of the drawing and, per province (in the
    order of PROVINCE_CODES), its slug, CBS code, name, path data and label point."""
    features = json.loads(source)["features"]
    everything = [
        point
        for feature in features
        for polygon in polygons(feature["geometry"])
        for ring in polygon
        for point in ring
    ]
    west = min(point[0] for point in everything)
    east = max(point[0] for point in everything)
    south = min(point[1] for point in everything)
    north = max(point[1] for point in everything)
    by_code = {feature["properties"]["statcode"]: feature for feature in features}
    provinces = []
    for code, slug in PROVINCE_CODES.items():
        feature = by_code[code]
        parts, largest, largest_area = [], None, -1.0
        for polygon in polygons(feature["geometry"]):
            rings = [[project(point, west, north) for point in ring] for ring in polygon]
            thinned = [thin_ring(ring) for ring in rings]
            if not thinned[0]:
                continue  # the outer ring vanished: so does the polygon
            parts.extend(ring_path(ring) for ring in thinned if ring)
            size = area(rings[0])
            if size > largest_area:
                largest, largest_area = [ring for ring in thinned if ring], size
        provinces.append({
            "slug": slug,
            "code": code,
            "name": feature["properties"]["statnaam"],
            "d": "".join(parts),
            "label": list(label_point(largest)),
        })  # fmt: skip
    return {
        "source": SOURCE,
        "credit": CREDIT,
        "scale": SCALE,
        "tolerance": TOLERANCE,
        "width": math.ceil((east - west) / SCALE + 2 * MARGIN),
        "height": math.ceil((north - south) / SCALE + 2 * MARGIN),
        "provinces": provinces,
    }


def dumps(data: dict) -> str:
    """The checked-in form: stable, one province per block, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
