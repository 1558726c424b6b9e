"""Which fields name other records, read off the models' declarations (:class:`RefersTo`).

The checker resolves every reference these functions find, in valid records and in the raw
mappings of invalid ones, and the CSV tables take their foreign keys from the same place,
so a new reference field is declared once, on its model.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from titfortat.model.records import LinksRecords, RefersTo
from titfortat.model.vocab import VOCABULARIES, Vocabulary

Location = tuple[str | int, ...]
"""A path into a record: field names and list positions."""


@dataclass(frozen=True)
class FieldShape:
    """What a model's field holds, as far as references are concerned."""

    collection: str | None
    """The collection its ids name, if it is a reference."""
    is_list: bool
    model: type[BaseModel] | None
    """The record it nests (a date, a quote, a status), if any."""


def _shape(annotation: Any) -> FieldShape:
    collection: str | None = None
    is_list = False
    model: type[BaseModel] | None = None
    pending = [annotation]
    while pending:
        current = pending.pop()
        origin = typing.get_origin(current)
        if origin is typing.Annotated:
            base, *metadata = typing.get_args(current)
            collection = next(
                (m.collection for m in metadata if isinstance(m, RefersTo)), collection
            )
            pending.append(base)
        elif origin in (typing.Union, types.UnionType):
            pending.extend(a for a in typing.get_args(current) if a is not type(None))
        elif origin is list:
            is_list = True
            pending.extend(typing.get_args(current))
        elif isinstance(current, type) and issubclass(current, BaseModel):
            model = current
    return FieldShape(collection, is_list, model)


def shapes(model: type[BaseModel]) -> dict[str, FieldShape]:
    """The fields of ``model`` that are references or nest records, by name."""
    found: dict[str, FieldShape] = {}
    for name, info in model.model_fields.items():
        # Pydantic moves a field's own Annotated metadata (``accuser: ActorId``) to
        # ``info.metadata``; metadata nested in a union or a list stays in the annotation.
        shape = _shape(info.annotation)
        own = next((m.collection for m in info.metadata if isinstance(m, RefersTo)), None)
        if own is not None:
            shape = FieldShape(own, shape.is_list, shape.model)
        if shape.collection or shape.model:
            found[name] = shape
    return found


def _field(model: type[BaseModel], path: str) -> FieldInfo | None:
    """A field by its dotted path ("status.as_of"), or None."""
    current: type[BaseModel] | None = model
    found: FieldInfo | None = None
    for step in path.split("."):
        found = current.model_fields.get(step) if current is not None else None
        if found is None:
            return None
        current = _shape(found.annotation).model
    return found


def target(model: type[BaseModel], path: str) -> str | None:
    """The collection a field names, by its dotted path ("status.as_of"), or None."""
    parent, _, name = path.rpartition(".")
    holder: type[BaseModel] | None = model
    if parent:
        info = _field(model, parent)
        holder = _shape(info.annotation).model if info is not None else None
    shape = shapes(holder).get(name) if holder is not None else None
    return shape.collection if shape else None


def vocabulary_name(model: type[BaseModel], path: str) -> str | None:
    """The name of the vocabulary a field's values come from ("claim kind"), or None."""
    info = _field(model, path)
    pending = [info.annotation] if info is not None else []
    while pending:
        current = pending.pop()
        if isinstance(current, type) and issubclass(current, Vocabulary):
            return next(name for name, terms in VOCABULARIES.items() if terms is current)
        pending.extend(typing.get_args(current))
    return None


def references(record: BaseModel, at: Location = ()) -> Iterator[tuple[Location, str, str]]:
    """Every id a valid record names: (where, the id, its collection), in field order."""
    for name, shape in shapes(type(record)).items():
        value = getattr(record, name)
        if value is None:
            continue
        items: list[tuple[int | None, Any]] = (
            list(enumerate(value)) if shape.is_list else [(None, value)]
        )
        for index, item in items:
            if item is None:
                continue
            loc = (*at, name) if index is None else (*at, name, index)
            if shape.collection is not None:
                yield loc, str(item), shape.collection
            elif isinstance(item, BaseModel):
                yield from references(item, loc)


def raw_references(
    model: type[BaseModel], raw: Mapping[str, Any], at: Location = ()
) -> Iterator[tuple[Location, str, str]]:
    """Every id written in the raw mapping of a record that failed validation, where it
    has the right form (a string), so broken references are reported in the same run."""
    for name, shape in shapes(model).items():
        value = raw.get(name)
        items: list[tuple[int | None, Any]] = [(None, value)]
        if shape.is_list:
            items = list(enumerate(value)) if isinstance(value, list) else []
        for index, item in items:
            loc = (*at, name) if index is None else (*at, name, index)
            if shape.collection is not None and isinstance(item, str):
                yield loc, item, shape.collection
            elif shape.model is not None and isinstance(item, Mapping):
                yield from raw_references(shape.model, item, loc)


def _links_records(info: FieldInfo) -> bool:
    """Whether a field is text that may link records (a note)."""
    pending: list[Any] = [info.annotation, *info.metadata]
    while pending:
        current = pending.pop()
        if isinstance(current, LinksRecords):
            return True
        if typing.get_origin(current) in (typing.Annotated, typing.Union, types.UnionType, list):
            pending.extend(typing.get_args(current))
    return False


def linked_texts(record: BaseModel, at: Location = ()) -> Iterator[tuple[Location, str]]:
    """Every text of a valid record that may link records (its notes), with where it is."""
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if value is None:
            continue
        if _links_records(info):
            yield (*at, name), str(value)
            continue
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if isinstance(item, BaseModel):
                loc = (*at, name) if index is None else (*at, name, index)
                yield from linked_texts(item, loc)
