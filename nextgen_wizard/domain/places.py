"""Places: state and territory postal codes and circuit ordinals, for court search and the feed.

State names are spelled as PACER's court lookup feed spells them in its county lists
("Northern Marianas"); PLACE_ALIASES adds the other common names.
"""

from __future__ import annotations

STATE_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "GU": "Guam", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky",
    "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri",
    "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "MP": "Northern Marianas", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "PR": "Puerto Rico", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VI": "Virgin Islands", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip

# Other names people type for a place -> the feed's spelling.
PLACE_ALIASES = {
    "northern mariana islands": "Northern Marianas",
    "commonwealth of the northern mariana islands": "Northern Marianas",
    "cnmi": "Northern Marianas",
    "us virgin islands": "Virgin Islands",
    "u.s. virgin islands": "Virgin Islands",
    "washington dc": "District of Columbia",
    "washington d.c.": "District of Columbia",
    "d.c.": "District of Columbia",
}

ORDINALS = {
    1: ("1st", "first"), 2: ("2nd", "second"), 3: ("3rd", "third"), 4: ("4th", "fourth"),
    5: ("5th", "fifth"), 6: ("6th", "sixth"), 7: ("7th", "seventh"), 8: ("8th", "eighth"),
    9: ("9th", "ninth"), 10: ("10th", "tenth"), 11: ("11th", "eleventh"),
}  # fmt: skip


def state_name(text: str) -> str | None:
    """The feed's state name for a postal code, a name or an alias; None if it is no place."""
    cleaned = " ".join(text.strip().split())
    if cleaned.upper() in STATE_CODES:
        return STATE_CODES[cleaned.upper()]
    lowered = cleaned.lower()
    if lowered in PLACE_ALIASES:
        return PLACE_ALIASES[lowered]
    for name in STATE_CODES.values():
        if name.lower() == lowered:
            return name
    return None


def circuit_number(word: str) -> int | None:
    """9 for "9th", "ninth" or "9"; None otherwise."""
    lowered = word.strip().lower()
    for number, names in ORDINALS.items():
        if lowered in names or lowered == str(number):
            return number
    return None
