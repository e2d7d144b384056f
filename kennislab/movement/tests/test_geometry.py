"""The drawing: RD → SVG by a linear scale, thinning, path data, label points, and the checked-in
data/provinces.json equal to what `manage.py build_map` makes from the bundled GeoJSON."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from kennislab.movement import geometry, rules, shapes


def test_project_scales_and_flips_y():
    west, north = 10_000, 620_000
    assert geometry.project((10_000, 620_000), west, north) == (geometry.MARGIN, geometry.MARGIN)
    x, y = geometry.project((10_000 + 4 * geometry.SCALE, 620_000 - 2 * geometry.SCALE), west,
                            north)  # fmt: skip
    assert (x, y) == (geometry.MARGIN + 4, geometry.MARGIN + 2)  # east is right, south is down


def test_simplify_drops_points_within_the_tolerance():
    line = [(0, 0), (1, 0.1), (2, -0.1), (3, 5), (4, 0)]
    assert geometry.simplify(line, 0.5) == [(0, 0), (2, -0.1), (3, 5), (4, 0)]
    assert geometry.simplify(line, 10) == [(0, 0), (4, 0)]
    assert geometry.simplify([(0, 0), (1, 1)], 0.5) == [(0, 0), (1, 1)]


def test_thin_ring_rounds_and_drops_repeats_and_slivers():
    ring = [(0, 0), (10.2, 0.1), (10, 10), (0.4, 10), (0, 0)]
    assert geometry.thin_ring(ring, 0.5) == [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert geometry.thin_ring([(0, 0), (0.2, 0.1), (0.1, 0.3), (0, 0)], 0.5) == []


def test_ring_path():
    assert geometry.ring_path([(1, 2), (3, 4), (5, 6)]) == "M1,2 3,4 5,6Z"


def test_inside_and_label_point_avoid_holes():
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    hole = [(3, 3), (7, 3), (7, 7), (3, 7)]
    assert geometry.inside((5, 5), [square]) and not geometry.inside((5, 5), [square, hole])
    assert geometry.area(square) == 100
    x, y = geometry.label_point([square, hole])
    assert geometry.inside((x, y), [square, hole])


def test_every_province_is_drawn_once_with_its_label_inside():
    art = shapes.drawing()
    assert [shape.slug for shape in art.shapes] == list(rules.PROVINCE_SLUGS)
    assert art.credit == "CBS / PDOK, CC BY 4.0"
    for shape in art.shapes:
        assert shape.d.startswith("M") and shape.d.endswith("Z")
        assert 0 < shape.label_x < art.width and 0 < shape.label_y < art.height
    data = json.loads(shapes.DATA_PATH.read_text(encoding="utf-8"))
    source = json.loads(shapes.SOURCE_PATH.read_text(encoding="utf-8"))
    names = {f["properties"]["statcode"]: f["properties"]["statnaam"] for f in source["features"]}
    assert {p["code"]: p["name"] for p in data["provinces"]} == names


def test_the_drawing_is_small():
    assert len(shapes.DATA_PATH.read_text(encoding="utf-8")) < 20_000


def test_the_checked_in_paths_equal_the_commands_output():
    source = shapes.SOURCE_PATH.read_text(encoding="utf-8")
    assert shapes.DATA_PATH.read_text(encoding="utf-8") == geometry.dumps(geometry.build(source))
    out = io.StringIO()
    call_command("build_map", "--check", stdout=out)
    assert "klopt" in out.getvalue()


def test_build_map_writes_and_checks(tmp_path, monkeypatch):
    target = tmp_path / "provinces.json"
    target.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(shapes, "DATA_PATH", target)
    with pytest.raises(CommandError, match="niet bijgewerkt"):
        call_command("build_map", "--check", stdout=io.StringIO())
    call_command("build_map", stdout=io.StringIO())
    assert target.read_text(encoding="utf-8") == (
        (shapes.DATA / "provinces.json").read_text(encoding="utf-8")
    )
    call_command("build_map", "--check", stdout=io.StringIO())
