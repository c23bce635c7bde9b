"""The tables of places: oblasts (curated), the districts formed since 2021 (curated), and the districts, units and akim posts the build derives from KATO."""

from __future__ import annotations

from .fields import KATO_CODE, KATO_EDITION, NOTE, OTHER_SOURCES, SOURCE_REF, _enum, _fk, _id, _kato, _kato_names, _ref
from .vocabularies import DISTRICT_TYPES, KATO_LEVELS, RURAL_POST_TYPES

TABLES: dict[str, dict] = {
    "regions": {
        "kind": "curated",
        "title": "Regions (oblasts)",
        "description": ("Every oblast that existed on an election day in the package: the 14 of 2021, and Abai, Zhetysu and Ulytau, "
                        "formed on 8 June 2022 from parts of East Kazakhstan, Almaty and Karaganda oblasts."),
        "primaryKey": ["region_id"],
        "foreignKeys": [_fk("formed_from", "regions", "region_id"), _fk("source_id", "sources", "source_id")],
        "fields": [
            _id("region_id", "oblast", "its English name"),
            {"name": "iso_3166_2", "type": "string",
             "description": ("ISO 3166-2 code in force on 25 July 2021 (three letters, 2018–2022). Empty for Abai, Zhetysu and Ulytau: "
                             "they were formed in 2022 and never had a code of that series, so no oblast row carries two codes of 2021."),
             "constraints": {"unique": True, "pattern": r"^KZ-[A-Z]{3}$"}},
            {"name": "iso_3166_2_current", "type": "string",
             "description": "ISO 3166-2 code in force today (two digits, the oblast's KATO prefix; since the ISO 3166-2 change of November 2022), for all 17 oblasts.",
             "constraints": {"required": True, "unique": True, "pattern": r"^KZ-\d{2}$"}},
            {"name": "region_kato", "x-formerly": ["kato"], "type": "string", "description": f"KATO code of the oblast ({KATO_EDITION}).",
             "constraints": {"required": True, "unique": True, "pattern": KATO_CODE}},
            {"name": "name_en", "type": "string", "description": "English name.", "constraints": {"required": True}},
            {"name": "name_kk", "type": "string", "description": "Kazakh name, Cyrillic.", "constraints": {"required": True}},
            {"name": "name_kk_latn", "type": "string", "description": "Kazakh name, Latin alphabet of 2021, made by `akim_elections.translit.kk_latn`.",
             "constraints": {"required": True}},
            {"name": "name_ru", "type": "string", "description": "Russian name (as in 'Акмолинская область' or 'область Абай').", "constraints": {"required": True}},
            {"name": "admin_centre_en", "type": "string", "description": "Administrative centre when the oblast was formed or, for the 14, in 2021.", "constraints": {"required": True}},
            {"name": "valid_from", "type": "date", "description": "First day the oblast existed; empty where it existed before every election of the package."},
            {"name": "valid_to", "type": "date", "description": "Last day the oblast existed; empty where it still exists."},
            _ref("formed_from", "regions", "oblast whose territory the oblast was formed from; empty for the 14 oblasts of 2021", required=False),
            {"name": "territory_changed", "type": "date",
             "description": ("Day the oblast lost part of its territory to a new oblast (8 June 2022 for East Kazakhstan, Almaty and Karaganda); "
                             "a figure of the oblast before that day covers more ground than one after it. Empty where the oblast kept its territory.")},
            SOURCE_REF,
            OTHER_SOURCES,
            NOTE,
        ],
    },
    "districts": {
        "kind": "derived",
        "title": "Districts (derived from KATO)",
        "description": (f"Every district and city of oblast significance in the KATO classifier ({KATO_EDITION}), one canonical name each. "
                        "Built by scripts/build.py from raw/kato; never edit."),
        "primaryKey": ["district_kato"],
        "foreignKeys": [_fk("region_id", "regions", "region_id"), _fk("region_id_2021", "regions", "region_id"),
                        _fk("formed_from", "districts", "district_kato")],
        "fields": [
            _kato("district_kato", "districts", "district", required=True),
            _ref("region_id", "regions", "oblast the district belongs to in this KATO edition"),
            _ref("region_id_2021", "regions", "oblast the district belonged to on 25 July 2021 (before the 2022 splits)"),
            {"name": "district_type", "x-formerly": ["kind"], "type": "string", "description": "District or city.", "constraints": {"required": True, "enum": _enum(DISTRICT_TYPES)}},
            *_kato_names(""),
            _kato("formed_from", "districts", "district whose territory the district was split off from after 25 July 2021 (see district_changes)"),
            {"name": "valid_from", "type": "date",
             "description": ("Day the district came into being, for a district formed after 25 July 2021 where a source gives the day the change "
                             "took effect (see district_changes); empty for a district that existed on 25 July 2021, or whose day is not known.")},
            {"name": "valid_to", "type": "date",
             "description": "Last day the district existed; empty, since every district of this KATO edition still exists."},
            {"name": "territory_changed", "type": "list", "itemType": "date", "delimiter": " ",
             "description": ("Days (ISO dates, separated by spaces) on which part of the district was split off into a new district since "
                             "25 July 2021: the day the change took effect or, where no source gives it, the day the decree was signed (the change "
                             "took effect then or soon after). A figure of the district before such a day covers more ground than one after it. "
                             "Empty where the district kept its territory.")},
        ],
    },
    "district_changes": {
        "kind": "curated",
        "title": "Districts formed since 2021 (crosswalk)",
        "description": ("Every district or city of oblast significance of the KATO edition that was split off from another after 25 July 2021. "
                        "Each was formed whole from one district, so every unit now in it lay in `formed_from` before the change: this is the "
                        "crosswalk from a unit's current KATO code to its district of an earlier day, used by the checks of contests and figures."),
        "primaryKey": ["district_kato"],
        "foreignKeys": [_fk("district_kato", "districts", "district_kato"), _fk("formed_from", "districts", "district_kato"),
                        _fk("source_id", "sources", "source_id")],
        "fields": [
            _kato("district_kato", "districts", "district formed", required=True),
            _kato("formed_from", "districts", "district it was split off from (its code in this KATO edition)", required=True),
            {"name": "signed", "type": "date", "description": "Day the presidential decree was signed: the change took effect on it or later.",
             "constraints": {"required": True}},
            {"name": "in_force", "type": "date",
             "description": "Day the change took effect; empty where the decree took effect on its first official publication and no source gives that day."},
            SOURCE_REF,
            OTHER_SOURCES,
            NOTE,
        ],
    },
    "units": {
        "kind": "derived",
        "title": "Rural districts, villages and towns (derived from KATO)",
        "description": (f"The KATO units ({KATO_EDITION}) that a contest names: code, district and names as KATO gives them. "
                        "Built by scripts/build.py from raw/kato; never edit."),
        "primaryKey": ["unit_kato"],
        "foreignKeys": [_fk("district_kato", "districts", "district_kato"), _fk("district_kato_2021", "districts", "district_kato"),
                        _fk("post_kato", "posts", "post_kato")],
        "fields": [
            {**_kato("unit_kato", "units", "unit", required=True), "x-formerly": ["kato"]},
            _kato("district_kato", "districts", "district the unit lies in", required=True),
            _kato("district_kato_2021", "districts", "district the unit lay in on 25 July 2021 (through district_changes)", required=True),
            _kato("post_kato", "posts", "akim post the unit belongs to: the unit itself, or for a village or town the rural district or "
                  "administration it is part of", required=True),
            {"name": "kato_level", "x-formerly": ["level"], "type": "string", "description": "KATO level of the unit.", "constraints": {"required": True, "enum": _enum(KATO_LEVELS)}},
            *_kato_names(" (abbreviated type words included)"),
        ],
    },
    "posts": {
        "kind": "derived",
        "title": "Rural-level akim posts (derived from KATO)",
        "description": (f"Every unit of the KATO classifier ({KATO_EDITION}) whose akim is elected at the rural level: rural districts, "
                        "villages and settlements that are their own unit, towns of district significance. It is the KATO edition's "
                        "list, not the list of 2021: units merged, split or renamed since then appear as they are now. "
                        "Built by scripts/build.py from raw/kato; never edit."),
        "primaryKey": ["post_kato"],
        "foreignKeys": [_fk("district_kato", "districts", "district_kato"), _fk("district_kato_2021", "districts", "district_kato"),
                        _fk("region_id", "regions", "region_id"), _fk("region_id_2021", "regions", "region_id")],
        "fields": [
            _kato("post_kato", "posts", "post: a sub-district (digits 7-9 zero), or a town KATO lists only as a settlement", required=True),
            _kato("district_kato", "districts", "district the unit lies in", required=True),
            _kato("district_kato_2021", "districts", "district the unit lay in on 25 July 2021 (through district_changes)", required=True),
            _ref("region_id", "regions", "oblast the unit belongs to in this KATO edition"),
            _ref("region_id_2021", "regions", "oblast the unit belonged to on 25 July 2021 (before the 2022 splits)"),
            {"name": "post_type", "type": "string", "description": "Kind of post.", "constraints": {"required": True, "enum": RURAL_POST_TYPES}},
            *_kato_names(" (abbreviated type words included)"),
        ],
    },
}
