#!/usr/bin/python3
"""Projects and simplifies Hanoi's district boundaries once, for the server's SVG map.

Input:  etc/map/hanoi-districts.geojson (geoBoundaries VNM ADM2 2020, OCHA ROAP /
        Government of Viet Nam, CC BY 3.0 IGO; see etc/seed/SOURCES.md).
Output: etc/map/districts.csv with one SVG path per district in a 1000-unit-wide frame,
        and etc/map/projection.csv with the frame, so that the server places district
        centroids (and, one day, cluster coordinates) with the same projection.

The projection is equirectangular around Hanoi's latitude: at this scale (about 100 km)
it differs from a conformal projection by far less than a marker's size.
Run: scripts/prepare-map.py   (Debian's /usr/bin/python3 with python3-shapely)
"""
import csv
import json
import math
import pathlib

from shapely.geometry import shape

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAP = ROOT / "etc" / "map"
WIDTH = 1000.0
TOLERANCE_DEGREES = 0.0015  # about 150 m: invisible at 1000 units for 100 km


def main():
    features = json.loads((MAP / "hanoi-districts.geojson").read_text(encoding="utf-8"))["features"]
    shapes = [(f["properties"], shape(f["geometry"]).simplify(TOLERANCE_DEGREES)) for f in features]
    min_lon = min(s.bounds[0] for _, s in shapes)
    min_lat = min(s.bounds[1] for _, s in shapes)
    max_lon = max(s.bounds[2] for _, s in shapes)
    max_lat = max(s.bounds[3] for _, s in shapes)
    x_scale = math.cos(math.radians((min_lat + max_lat) / 2))
    scale = WIDTH / ((max_lon - min_lon) * x_scale)
    height = (max_lat - min_lat) * scale

    def point(lon, lat):
        return f"{(lon - min_lon) * x_scale * scale:.1f},{(max_lat - lat) * scale:.1f}"

    def rings(geometry):
        polygons = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
        for polygon in polygons:
            yield polygon.exterior
            yield from polygon.interiors

    with open(MAP / "districts.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["district_vi", "district_en", "unit_type_vi", "svg_path"])
        for props, geometry in sorted(shapes, key=lambda item: item[0]["district"]):
            path = " ".join(
                "M" + " L".join(point(lon, lat) for lon, lat in ring.coords[:-1]) + " Z"
                for ring in rings(geometry))
            writer.writerow([props["name_vi"], props["district"], props["unit_type_vi"], path])
    with open(MAP / "projection.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["min_lon", "max_lat", "x_scale", "scale", "width", "height"])
        writer.writerow([f"{min_lon:.6f}", f"{max_lat:.6f}", f"{x_scale:.8f}", f"{scale:.6f}",
                         f"{WIDTH:.0f}", f"{height:.0f}"])


if __name__ == "__main__":
    main()
