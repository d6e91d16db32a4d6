"""FIT files (Garmin and most watches): a fast reader of plain fields, fitdecode for the rest, the checksum,
and a clock that may count from power-on."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from upperback.models.records.watch_files.run import (
    Run,
    RunFileError,
    Sample,
    as_number,
    as_positive,
    moving_seconds,
    real_start,
    sport_or_refuse,
    with_speeds,
)

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)  # FIT times count seconds from here [Garmin2024]
FIT_UTC_FROM = 0x10000000  # smaller FIT times count seconds since the watch was switched on [Garmin2024]


# --- FIT --------------------------------------------------------------------------------------------------
def _standard_fields(frame) -> dict:
    """A data message's standard fields by name; developer fields (which may reuse names) are left out."""
    return {field.name: field.value for field in frame.fields
            if field.value is not None and not (field.field_def is not None and field.field_def.is_dev)}


def read_fit(data: bytes, name: str) -> Run:
    _check_fit_crc(data, name)
    messages = _fit_messages_fast(data)
    if messages is None:  # anything the fast reader leaves to fitdecode
        messages = _fit_messages_fitdecode(data, name)
    records, sessions, correlations = messages["record"], messages["session"], messages["timestamp_correlation"]
    timer_events = [event for event in messages["event"] if event.get("event") == "timer" and "timestamp" in event]
    sport = next((message["sport"] for message in messages["sport"] if "sport" in message), None)
    session = sessions[0] if sessions else {}
    sport = sport_or_refuse(session.get("sport", sport), name)
    to_utc = _power_on_to_utc(correlations)
    timed = [record for record in records if _fit_clock(record.get("timestamp"), to_utc) is not None]
    if not timed:
        raise RunFileError(f"{name}: the FIT file has no timed records.")
    clocks = [_fit_clock(record["timestamp"], to_utc) for record in timed]
    if len({clock >= FIT_UTC_FROM for clock in clocks}) > 1:
        raise RunFileError(f"{name}: the FIT file's clock changes between time since the watch was switched on and "
                           "the time of day, with nothing linking the two; nothing imported.")
    first = clocks[0]
    samples = with_speeds([Sample(
        seconds=float(clock - first), distance_m=as_number(record.get("distance")),
        speed_m_s=as_number(record.get("enhanced_speed", record.get("speed"))),
        cadence_spm=_fit_cadence(record), heart_rate_bpm=as_positive(record.get("heart_rate")),
    ) for clock, record in zip(clocks, timed)])
    distances = [s.distance_m for s in samples if s.distance_m is not None]
    start = _fit_clock(session.get("start_time"), to_utc)
    start = first if start is None else min(start, first)
    return Run(
        file=name, format="fit", sport=sport, start_utc=_fit_utc(start),
        elapsed_s=as_number(session.get("total_elapsed_time")) or samples[-1].seconds + first - start,
        moving_s=(as_number(session.get("total_timer_time")) or _timer_seconds(timer_events, to_utc)
                  or moving_seconds(samples)),
        distance_m=as_number(session.get("total_distance")) or (max(distances) if distances else None),
        samples=samples, has_positions=any("position_lat" in record for record in timed))


FIT_MESSAGES_READ = ("record", "session", "event", "sport", "timestamp_correlation")


def _fit_messages_fitdecode(data: bytes, name: str) -> dict[str, list[dict]]:
    """The messages the importer reads, each as its standard fields by name, decoded by fitdecode."""
    import fitdecode

    messages: dict[str, list[dict]] = {kind: [] for kind in FIT_MESSAGES_READ}
    try:
        # No data processor: times stay the file's own numbers (UTC or power-on), and reading is faster.
        # The checksum was checked before, faster than fitdecode checks it.
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.DISABLED, processor=None,
                                 error_handling=fitdecode.ErrorHandling.WARN) as fit:
            for frame in fit:
                if frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name in messages:
                    messages[frame.name].append(_standard_fields(frame))
    except fitdecode.FitEOFError:
        raise RunFileError(f"{name}: the FIT file is cut off (incomplete download?); nothing imported.") from None
    except (fitdecode.FitError, ValueError, KeyError, IndexError, OverflowError) as problem:
        raise RunFileError(f"{name}: the FIT file cannot be read ({type(problem).__name__}); nothing imported.") \
            from None
    return messages


# The fields the importer reads, by message and field number [Garmin2024]; their names, types, scales and
# "invalid" values come from fitdecode's copy of the FIT profile, so both readers give the same values. None
# has parts of its own to expand (components), but record.speed, whose one part is enhanced_speed: the same
# number, which the importer takes from either.
FIT_FIELDS_READ = {"record": {253, 0, 3, 4, 5, 6, 53, 73}, "session": {253, 2, 5, 7, 8, 9},
                   "event": {253, 0, 1}, "sport": {0}, "timestamp_correlation": {253, 1}}
FIT_RECORD_FIELDS_LEFT_TO_FITDECODE = {8}  # compressed_speed_distance: its parts accumulate (older foot pods)


def _fit_messages_fast(data: bytes) -> dict[str, list[dict]] | None:
    """The same messages as _fit_messages_fitdecode, in a tenth of the time: each data message unpacked in one
    go by a struct made from its definition, and only the messages read here decoded field by field
    (fitdecode: about 30 µs a record, so 2-3 s for a 24-hour file at one record a second). None for anything
    else than plain fields (a compressed speed and distance, an unknown base type, a message with no
    definition, a file cut short): fitdecode reads those, and says what is wrong."""
    import struct

    from fitdecode import profile, types

    messages: dict[str, list[dict]] = {kind: [] for kind in FIT_MESSAGES_READ}
    at, size = 0, len(data)
    try:
        while at < size:  # each file of a chain: header, records, CRC
            if data[at + 8:at + 12] != b".FIT":
                return None
            header_size, records_end = data[at], at + data[at] + int.from_bytes(data[at + 4:at + 8], "little")
            at += header_size
            layouts, last_timestamp = {}, None
            while at < records_end:
                header = data[at]
                at += 1
                if header & 0x80:  # compressed timestamp header: the time's low 5 bits [Garmin2024]
                    layout = layouts[(header >> 5) & 0x3]
                    offset = header & 0x1F
                    timestamp = offset + (last_timestamp & ~0x1F) + (0x20 if offset < last_timestamp & 0x1F else 0)
                elif header & 0x40:  # a definition
                    layouts[header & 0x0F], at = _fit_layout(data, at, bool(header & 0x20), struct, profile, types)
                    continue
                else:
                    layout, timestamp = layouts[header & 0x0F], None
                unpacker, kind, fields, timestamp_at = layout
                values = unpacker.unpack_from(data, at)
                at += unpacker.size
                if timestamp_at is not None and values[timestamp_at] != 0xFFFFFFFF:
                    last_timestamp = values[timestamp_at]  # any message's time moves the compressed clock on
                elif timestamp is not None:
                    last_timestamp = timestamp
                if kind is None:
                    continue
                message = {} if timestamp is None else {"timestamp": timestamp}
                for index, field, parse in fields:  # as fitdecode: invalid is None; enum names; scale, offset
                    value = parse(values[index])
                    if value is not None:
                        value = field.render(value)
                        if isinstance(value, int | float):
                            value = float(value) / field.scale if field.scale else value
                            value = value - field.offset if field.offset else value
                        message[field.name] = value
                messages[kind].append(message)
            at = records_end + 2
    except (KeyError, IndexError, TypeError, struct.error, _LeftToFitdecode):
        return None
    return messages


class _LeftToFitdecode(Exception):
    """A definition the fast reader does not decode."""


def _fit_layout(data: bytes, at: int, developer: bool, struct, profile, types):
    """A definition message read into (unpacker, message kind or None, fields read, the timestamp's place
    among the values), and where the next message starts. Fields not read are skipped unpacked."""
    endian = ">" if data[at + 1] else "<"
    number, count = struct.unpack_from(endian + "HB", data, at + 2)
    at += 5
    kind = profile.MESSAGE_TYPES[number].name if number in profile.MESSAGE_TYPES else None
    wanted = FIT_FIELDS_READ.get(kind, set())
    formats, fields, timestamp_at, values = [], [], None, 0
    for field_number, field_size, base_number in struct.iter_unpack("BBB", data[at:at + 3 * count]):
        base = types.BASE_TYPES.get(base_number)
        plain = base is not None and base.fmt != "s" and field_size == base.size  # one number
        if kind == "record" and field_number in FIT_RECORD_FIELDS_LEFT_TO_FITDECODE or \
                field_number in wanted and not plain:
            raise _LeftToFitdecode
        if not plain:
            formats.append(f"{field_size}x")
            continue
        if field_number == 253:
            timestamp_at = values
        if field_number in wanted and field_number in profile.MESSAGE_TYPES[number].fields:
            fields.append((values, profile.MESSAGE_TYPES[number].fields[field_number], base.parse))
        formats.append(base.fmt)
        values += 1
    at += 3 * count
    if developer:  # developer fields: (number, size, developer index) each, skipped
        developer_count = data[at]
        formats += [f"{field_size}x" for field_size in data[at + 1:at + 1 + 3 * developer_count][1::3]]
        at += 1 + 3 * developer_count
    return (struct.Struct(endian + "".join(formats)), kind if wanted else None, fields, timestamp_at), at


def _check_fit_crc(data: bytes, name: str) -> None:
    """Each FIT file of the data (watches may chain several) ends in the CRC-16 of its header and records."""
    at = 0
    while len(data) - at >= 12 and data[at + 8:at + 12] == b".FIT":
        end = at + data[at] + int.from_bytes(data[at + 4:at + 8], "little") + 2
        if end > len(data):
            raise RunFileError(f"{name}: the FIT file is cut off (incomplete download?); nothing imported.")
        if _fit_crc(data[at:end - 2]) != int.from_bytes(data[end - 2:end], "little"):
            raise RunFileError(f"{name}: the FIT file is damaged (its checksum does not match); nothing imported.")
        at = end


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


FIT_CRC_TABLE = _crc_table()  # FIT's CRC-16 (polynomial 0x8005, reflected), a byte at a time [Garmin2024]


def _fit_crc(data: bytes) -> int:
    crc, table = 0, FIT_CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def _fit_clock(value, to_utc: int | None) -> int | None:
    """A FIT time as the file counts it: seconds since 1989-12-31 UTC, or since power-on (below
    FIT_UTC_FROM), moved to UTC when the file links the two clocks."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value + to_utc if value < FIT_UTC_FROM and to_utc is not None else value


def _fit_utc(clock: int) -> datetime | None:
    return real_start(FIT_EPOCH + timedelta(seconds=clock)) if clock >= FIT_UTC_FROM else None


def _power_on_to_utc(correlations: list[dict]) -> int | None:
    """Seconds from the power-on clock to UTC, from a timestamp_correlation message (newer watches write one
    when the time of day becomes known); None without one: the start is then unknown."""
    for correlation in correlations:
        utc, system = correlation.get("timestamp"), correlation.get("system_timestamp")
        if isinstance(utc, int) and isinstance(system, int) and utc >= FIT_UTC_FROM > system:
            return utc - system
    return None


def _timer_seconds(timer_events: list[dict], to_utc: int | None) -> float | None:
    """Timer time from the timer's start and stop events: what a file with no session summary still says."""
    total, started = 0, None
    for event in timer_events:
        clock = _fit_clock(event["timestamp"], to_utc)
        if event.get("event_type") == "start" and started is None:
            started = clock
        elif str(event.get("event_type", "")).startswith("stop") and started is not None and clock is not None:
            total, started = total + max(clock - started, 0), None
    return float(total) or None


def _fit_cadence(record: dict) -> float | None:
    cadence = as_number(record.get("cadence"))
    if cadence is None:
        return None
    return 2 * (cadence + (as_number(record.get("fractional_cadence")) or 0.0))


