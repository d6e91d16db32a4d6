"""A small FIT writer for the tests: real FIT bytes, as documented in Garmin's FIT protocol description.

A file is a 12- or 14-byte header (size, protocol and profile versions, the data's length, ".FIT", and in the
14-byte form the header's own CRC), then records, then the CRC-16 of everything before it. A record is a
definition (which fields a local message type carries, their sizes and base types) or a data message. A
data message's header is one byte: the local type in bits 0-3, or, with bit 7 set, a compressed timestamp
header (local type 0-3 in bits 5-6, the timestamp's low 5 bits in bits 0-4: the time goes on from the last
full timestamp, so it can be used only while messages come less than 32 s apart).

The FIT writers on PyPI write normal headers only: fit-tool 0.9.16 (BSD-3-Clause) takes times as
milliseconds since 1970, and fit 0.5.1 (BSD-3-Clause, beta) writes one definition per message type. The tests
need compressed timestamp headers, two definitions of one message and power-on times, hence these lines.
"""

from __future__ import annotations

import struct

# Base types: (code as written in a definition, struct format); FIT protocol, "Base types"
ENUM, UINT8, UINT16, UINT32, UINT32Z = (0x00, "B"), (0x02, "B"), (0x84, "H"), (0x86, "I"), (0x8C, "I")
INVALID = {ENUM: 0xFF, UINT8: 0xFF, UINT16: 0xFFFF, UINT32: 0xFFFFFFFF, UINT32Z: 0}
TIMESTAMP_FIELD = 253  # the field number of every message's timestamp
COMPRESSED_LOCAL_TYPES = range(4)  # a compressed timestamp header has two bits for the local type
COMPRESSED_SPAN_S = 32  # five bits of time


def _crc_table() -> list[int]:
    """FIT's CRC-16 (CRC-16/ARC: reflected polynomial 0xA001), a byte at a time."""
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return table


CRC_TABLE = _crc_table()


def fit_crc(data: bytes, crc: int = 0) -> int:
    for byte in data:
        crc = (crc >> 8) ^ CRC_TABLE[(crc ^ byte) & 0xFF]
    return crc


class FitWriter:
    """Definitions and data messages in order; ``bytes()`` gives the whole file."""

    def __init__(self, header_size: int = 14, protocol_version: int = 0x10, profile_version: int = 2132):
        self.header_size, self.protocol_version, self.profile_version = header_size, protocol_version, profile_version
        self.records = bytearray()
        self.definitions: dict[int, list[tuple[int, tuple[int, str]]]] = {}
        self.last_timestamp: int | None = None

    def define(self, local_type: int, global_number: int, fields: list[tuple[int, tuple[int, str]]]) -> None:
        """``fields``: (field number, base type) pairs, in the order the data messages give their values."""
        self.definitions[local_type] = fields
        self.records += struct.pack("<BBBHB", 0x40 | local_type, 0, 0, global_number, len(fields))  # little-endian
        for number, (code, fmt) in fields:
            self.records += struct.pack("<BBB", number, struct.calcsize(fmt), code)

    def message(self, local_type: int, values: dict[int, int | None]) -> None:
        """A data message with a normal header; a value left out or None is written as FIT's "invalid"."""
        self.records.append(local_type)
        self._values(local_type, values)
        if values.get(TIMESTAMP_FIELD) is not None:
            self.last_timestamp = values[TIMESTAMP_FIELD]

    def compressed(self, local_type: int, timestamp: int, values: dict[int, int | None]) -> None:
        """A data message whose time is in its header (its definition has no timestamp field)."""
        assert local_type in COMPRESSED_LOCAL_TYPES
        assert self.last_timestamp is not None and 0 <= timestamp - self.last_timestamp < COMPRESSED_SPAN_S
        self.records.append(0x80 | local_type << 5 | timestamp & 0x1F)
        self._values(local_type, values)
        self.last_timestamp = timestamp

    def _values(self, local_type: int, values: dict[int, int | None]) -> None:
        for number, base in self.definitions[local_type]:
            value = values.get(number)
            self.records += struct.pack("<" + base[1], INVALID[base] if value is None else value)

    def bytes(self) -> bytes:
        header = struct.pack("<BBHI4s", self.header_size, self.protocol_version, self.profile_version,
                             len(self.records), b".FIT")
        if self.header_size == 14:
            header += struct.pack("<H", fit_crc(header))
        body = header + bytes(self.records)
        return body + struct.pack("<H", fit_crc(body))
