"""Read YAML defensively, keeping where every value came from.

PyYAML's loaders lose positions, keep the last of two equal keys without a word and expand
aliases without limit. Here the document is composed into nodes (the C composer when it is
available), then turned into plain Python values by hand so that each of those traps becomes
a reported problem with a line and a column.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from titfortat.check.problems import Problem

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Larger files are refused: split records over several files instead."""

MAX_DEPTH = 32
"""No record of ours nests this deep; deeper input is malformed or hostile."""

_Composer: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_constructor = yaml.SafeLoader("")


Located = tuple[int, int]
"""A 1-based (line, column) position."""


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its plain value and its nodes, to find where a value sits."""

    path: str
    root: MappingNode
    value: dict[str, Any]
    lines: Lines

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> Located:
        """Position of the value at ``loc`` (or of its key), or of its nearest existing parent."""
        return self.lines.position(locate(self.root, loc, key=key))


@dataclass(frozen=True)
class Lines:
    """Turns YAML's positions into an editor's.

    YAML also breaks lines at U+0085, U+2028 and U+2029, which editors show inside a line;
    a file with any of them gets its positions counted again from newlines alone.
    """

    newlines: tuple[int, ...] | None

    @classmethod
    def of(cls, text: str) -> Lines:
        if not any(char in text for char in "\x85\u2028\u2029\r"):
            return cls(None)
        return cls(tuple(i for i, char in enumerate(text) if char == "\n"))

    def position(self, mark: Mark) -> Located:
        """The 1-based line and column of a YAML mark."""
        if self.newlines is None:
            return mark.line + 1, mark.column + 1
        line = bisect.bisect_left(self.newlines, mark.index)
        start = self.newlines[line - 1] + 1 if line else 0
        return line + 1, mark.index - start + 1


def _mark(node: Node) -> Mark:
    return node.start_mark


def locate(root: Node, loc: Sequence[str | int], *, key: bool = False) -> Mark:
    """Walk ``loc`` down from ``root`` as far as it goes and return that node's mark."""
    node: Node = root
    for depth, step in enumerate(loc, start=1):
        child: Node | None = None
        key_node: Node | None = None
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == step:
                    key_node, child = k, v
                    break
        elif (
            isinstance(node, SequenceNode)
            and isinstance(step, int)
            and (0 <= step < len(node.value))
        ):
            child = node.value[step]
        if child is None:
            break
        if key and depth == len(loc) and key_node is not None:
            return _mark(key_node)
        node = child
    return _mark(node)


class _ConvertError(Exception):
    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def _scalar(node: ScalarNode) -> Any:
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _TIMESTAMP:
        # Dates stay text: the checker parses them with their precision.
        return node.value
    if tag == _INT:
        return _constructor.construct_yaml_int(node)
    if tag == _FLOAT:
        return _constructor.construct_yaml_float(node)
    if tag == _BOOL:
        return _constructor.construct_yaml_bool(node)
    if tag == _NULL:
        return None
    raise _ConvertError(
        node, f"the YAML tag {tag!r} is not allowed here: write plain text, numbers and lists"
    )


def _convert(node: Node, depth: int, seen: set[int]) -> Any:
    if depth > MAX_DEPTH:
        raise _ConvertError(node, f"the data nests deeper than {MAX_DEPTH} levels")
    if id(node) in seen:
        raise _ConvertError(
            node,
            "YAML anchors and aliases (&name, *name) are not allowed in data files: "
            "write each value out in full",
        )
    seen.add(id(node))
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ:
            raise _ConvertError(node, f"the YAML tag {node.tag!r} is not allowed here")
        return [_convert(item, depth + 1, seen) for item in node.value]
    if isinstance(node, MappingNode):
        if node.tag != _MAP:
            raise _ConvertError(node, f"the YAML tag {node.tag!r} is not allowed here")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                if isinstance(key_node, ScalarNode) and key_node.tag == "tag:yaml.org,2002:merge":
                    raise _ConvertError(key_node, "YAML merge keys (<<) are not allowed")
                raise _ConvertError(key_node, "a field name must be plain text")
            name = key_node.value
            if name in result:
                raise _ConvertError(
                    key_node,
                    f"duplicate field {name!r}: YAML would keep only the last one; "
                    "remove or rename one of them",
                )
            result[name] = _convert(value_node, depth + 1, seen)
        return result
    raise _ConvertError(node, "unexpected YAML node")  # pragma: no cover - PyYAML has no other


def _type_name(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode):
        return "a single value"
    return "something else"


def parse_yaml(path: str, data: bytes) -> YamlDocument | Problem:
    """Parse one data file, or say in one line why it cannot be used."""
    if len(data) > MAX_FILE_BYTES:
        return Problem(
            path,
            0,
            0,
            f"file is {len(data):,} bytes, over the limit of {MAX_FILE_BYTES:,}: "
            "split its records over several files",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return Problem(
            path,
            line,
            column,
            f"not UTF-8 text (byte 0x{data[error.start]:02x}): save the file as UTF-8",
        )
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return Problem(path, line, 1, "the file contains a NUL character: it is not a text file")
    try:
        root = yaml.compose(text, Loader=_Composer)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        return Problem(
            path,
            line,
            column,
            f"the file contains the character U+{error.character:04X}, which YAML does not "
            "allow: delete it",
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = " ".join(part for part in (error.context, error.problem) if part)
        if mark is None:  # pragma: no cover - PyYAML always marks syntax errors
            return Problem(path, 0, 0, f"YAML syntax error: {what}")
        line, column = Lines.of(text).position(mark)
        lines = text.split("\n")
        if line > len(lines):  # the end of the stream, after a last line with no newline
            line, column = len(lines), len(lines[-1]) + 1
        return Problem(path, line, column, f"YAML syntax error: {what}")
    except yaml.YAMLError as error:
        return Problem(path, 0, 0, f"YAML error: {error}")
    except RecursionError:
        return Problem(path, 0, 0, f"the data nests deeper than {MAX_DEPTH} levels")
    if root is None:
        return Problem(
            path, 0, 0, "file is empty: expected a mapping with keys such as 'statements:'"
        )
    if not isinstance(root, MappingNode):
        line, column = Lines.of(text).position(_mark(root))
        return Problem(
            path,
            line,
            column,
            f"the top level must be a mapping (keys such as 'statements:'), not {_type_name(root)}",
        )
    try:
        value = _convert(root, 0, set())
    except _ConvertError as error:
        line, column = Lines.of(text).position(_mark(error.node))
        return Problem(path, line, column, error.message)
    return YamlDocument(path=path, root=root, value=value, lines=Lines.of(text))
