"""Render clause text: Jinja in a sandbox, strict about undefined names."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache, partial
from types import FunctionType
from typing import Any, NamedTuple

from jinja2 import Template, TemplateRuntimeError, TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import Args, Problem
from ..model import Clause
from ..roles import positions
from . import limits, measure
from .guard import ClauseSandbox, Undefined, bounded_filters

MAX_TEXT = limits.MAX_TEXT  # characters one clause may grow to once rendered


def upfirst(text: object) -> str:
    """Return `text` with its first letter in upper case and the rest untouched
    (a title prints its nominative)."""
    text = str(text)
    return text[:1].upper() + text[1:]


@cache
def environment() -> SandboxedEnvironment:
    """Return the sandboxed environment clause text is rendered in: immutable data
    (no `.update()`, `.append()`), bounded allocations, strict about undefined names."""
    env = ClauseSandbox(undefined=Undefined, autoescape=False, optimized=False,
                        finalize=lambda value: measure.check(value, "the printed value"))
    env.filters = bounded_filters(env.filters)
    env.filters["upfirst"] = upfirst
    env.globals.clear()  # no range(), cycler(), namespace(): clause text prints values
    return env


#: Template statements clause text has no use for and that could loop or pull in
#: other templates: a clause prints values, conditionally at most.
_FORBIDDEN = (nodes.For, nodes.Macro, nodes.CallBlock, nodes.FilterBlock, nodes.Include,
              nodes.Import, nodes.FromImport, nodes.Extends, nodes.Block,
              nodes.ScopedEvalContextModifier, nodes.EvalContextModifier)


#: Compiled clause texts kept: a role library's worth, not every text ever seen.
CACHED_TEXTS = 4096


@lru_cache(maxsize=CACHED_TEXTS)
def _compile(source: str) -> Template:
    env = environment()
    try:
        tree = env.parse(source)
    except (RecursionError, MemoryError):
        raise limits.LimitError("clause text is nested too deeply", "sandbox-depth") from None
    for node in tree.find_all(_FORBIDDEN):
        what = type(node).__name__.lower()
        raise SecurityError(f"'{what}' statements are not allowed in clause text (line "
                            f"{node.lineno}); a clause prints values, with 'if' at most")
    try:
        return env.from_string(tree)
    except (RecursionError, MemoryError, SyntaxError):  # Python's own nesting limits
        raise limits.LimitError("clause text is nested too deeply", "sandbox-depth") from None


def _compiled(source: str) -> Callable[[Mapping[str, Any]], str]:
    template = _compile(source)
    return lambda context: limits.bounded(template.generate(context))


# Compiling costs Jinja about 0.4 ms a template, and a role library holds thousands of
# distinct clause texts. Most only print names, attributes, filtered values and calls
# such as ref('id'): those run here through the environment's own sandboxed getattr,
# call and filters, as the code Jinja generates for them would; the rest is compiled.

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_PATH = rf"{_NAME}(?:\s*\.\s*{_NAME})*"
_NAMES = re.compile(_NAME)
_EXPRESSION = re.compile(
    rf"\s*(?P<path>{_PATH})\s*(?P<call>\(\s*(?:'(?P<s1>[^'\\]*)'|\"(?P<s2>[^\"\\]*)\""
    rf"|(?P<int>0|[1-9][0-9]*)|(?P<arg>{_PATH}))?\s*\)\s*)?(?P<filters>(?:\|\s*{_NAME}\s*)*)",
    re.S)


class _Output(NamedTuple):
    """`{{ path(arg) | filters }}`; arg is a path, a constant, or _NO_ARG (or no call)."""

    path: tuple[str, ...]
    call: bool
    arg: Any
    filters: tuple[Callable[[Any], Any], ...]
    roots: frozenset[str]  # the names it reads from the context


_NO_ARG = object()


def _path(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("."))


def _outputs(source: str) -> tuple[list[str], list[_Output]] | None:
    """Return a template as its texts and the simple outputs between them, or None when
    it has more."""
    if "{%" in source or "{#" in source:
        return None
    pieces = source.split("{{")  # each `{{` up to the first `}}` after it
    texts, outputs = [pieces[0]], []
    for piece in pieces[1:]:
        expression, closed, after = piece.partition("}}")
        output = _output(expression) if closed else None  # (an unclosed one: Jinja's to say)
        if output is None:
            return None
        outputs.append(output)
        texts.append(after)
    texts[-1] = texts[-1].removesuffix("\n")  # as Jinja drops one trailing newline
    return texts, outputs


#: Distinct `{{ ... }}` expressions kept: a library's texts repeat a few (ref('duties-1'),
#: title.genitive) around words of their own.
CACHED_OUTPUTS = 1024


@lru_cache(maxsize=CACHED_OUTPUTS)
def _output(expression: str) -> _Output | None:
    """Return what `{{ expression }}` prints, or None when it is more than a simple output."""
    m = _EXPRESSION.fullmatch(expression)
    if m is None:
        return None
    filters = environment().filters
    named = [filters.get(name) for name in _NAMES.findall(m["filters"])]
    chain = [f for f in named if f is not None]
    if len(chain) < len(named) or any(hasattr(f, "jinja_pass_arg") for f in chain):
        return None  # Jinja reports an unknown filter; it passes a context to others
    s = m["s1"] if m["s1"] is not None else m["s2"]
    arg = (_path(m["arg"]) if m["arg"] else s if s is not None
           else int(m["int"]) if m["int"] else _NO_ARG)
    path = _path(m["path"])
    roots = {path[0], arg[0]} if arg.__class__ is tuple else {path[0]}
    return _Output(path, m["call"] is not None, arg, tuple(chain), frozenset(roots))


@lru_cache(maxsize=CACHED_TEXTS)
def _renderer(source: str) -> Callable[[Mapping[str, Any]], str]:
    """Return the function that renders `source` with a context."""
    limits.check_source(source)
    parts = _outputs(source)
    if parts is None:
        return _compiled(source)
    texts, outputs = parts
    roots: set[str] = set()
    for output in outputs:
        roots |= output.roots
    return partial(_simple, source, texts, outputs, roots)


def _value(env: SandboxedEnvironment, path: tuple[str, ...], context: Mapping[str, Any]) -> Any:
    found = context[path[0]]
    for attr in path[1:]:
        found = env.getattr(found, attr)
    return found


def _simple(source: str, texts: list[str], outputs: list[_Output], roots: set[str],
            context: Mapping[str, Any]) -> str:
    """Render the `texts` and simple `outputs` of `source` with `context`."""
    if not roots <= context.keys():  # Jinja knows best what an unknown name means
        return _compiled(source)(context)
    env = environment()
    out = [texts[0]]
    for part, after in zip(outputs, texts[1:], strict=True):
        found = _value(env, part.path, context) if len(part.path) > 1 else context[part.path[0]]
        if part.call:
            arg = _value(env, part.arg, context) if isinstance(part.arg, tuple) else part.arg
            args = () if arg is _NO_ARG else (arg,)
            if found.__class__ is FunctionType and found.__code__ is _REF_CODE:
                found = found(*args)  # our ref(): the sandbox's checks pass it, unasked
            else:  # Jinja's context only reads its parent: any mapping serves.
                found = env.call(env.context_class(env, context, None, {}),  # type: ignore[arg-type]
                                 found, *args)
        for f in part.filters:
            found = f(found)
        out += (str(measure.check(found, "the printed value")), after)
    text = "".join(out)
    if len(text) > MAX_TEXT:
        return limits.bounded(out)  # which says how far it grew where it went past
    limits.tick()
    return text


class RefError(Exception):
    """A cross-reference to a clause that has no number."""

    def __init__(self, message: str, clause_id: str, args: Args = ()) -> None:
        super().__init__(message)
        self.clause_id = clause_id
        self.details: Args = (("ref", clause_id), *args)


def render(clause: Clause, lang: str, context: Mapping[str, Any],
           problems: list[Problem]) -> str:
    """Return the clause's text in `lang`, or '' after adding a problem to `problems`
    (or when the text is missing, which checking the role has reported)."""
    source = clause.text.get(lang)
    if source is None:
        return ""
    out = source if "{" not in source else _render(clause, lang, context, problems)
    if out is None:
        return ""
    if len(out) > MAX_TEXT:
        problems.append(_problem(clause, lang, "clause text is too long once rendered", "render"))
        return ""
    return " ".join(out.split())


def _render(clause: Clause, lang: str, context: Mapping[str, Any],
            problems: list[Problem]) -> str | None:
    clock = limits.start_clock()
    try:
        return _renderer(clause.text[lang])(context)
    except TemplateSyntaxError as e:
        problems.append(_problem(clause, lang, f"template syntax: {e.message}", "jinja-syntax",
                                 line=e.lineno, args=(("syntax", str(e.message)),)))
    except UndefinedError as e:
        message = str(e.message)
        name = _undefined_name(message)
        args: Args = (("name", name),) if name else ()
        if " is undefined" in message:
            known = sorted(k for k in context if not k.startswith("_"))
            close = difflib.get_close_matches(name, known, n=1) if name else []
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            message = f"{message}{hint}; clause text may use: {', '.join(known)}"
            args += (("hint", close[0]),) if close else ()
        problems.append(_problem(clause, lang, message, "undefined-variable", name=name,
                                 args=args))
    except RefError as e:
        problems.append(_problem(clause, lang, str(e), "unknown-ref", ref=e.clause_id,
                                 args=e.details))
    except limits.LimitError as e:
        problems.append(_problem(clause, lang, f"too large: {e}", e.rule))
    except SecurityError as e:
        problems.append(_problem(clause, lang, f"not allowed: {e}", "sandbox"))
    except (TypeError, ValueError, ArithmeticError, LookupError, UnicodeError,
            TemplateRuntimeError) as e:  # `5|reverse`: FilterArgumentError
        problems.append(_problem(clause, lang, f"cannot render: {e}", "render"))
    except (MemoryError, RecursionError):  # what no limit foresaw: this clause only
        problems.append(_problem(clause, lang, "too large: the clause text needs more memory "
                                 "than a clause may take", "sandbox-size"))
    finally:
        limits.stop_clock(clock)
    return None


def _undefined_name(message: str) -> str | None:
    m = re.match(r"'([^']+)' is (?:undefined|not a field)", message) or re.search(
        r"has no attribute '([^']+)'", message)
    return m.group(1) if m else None


def _problem(clause: Clause, lang: str, message: str, rule: str, *,
             line: int | None = None, name: str | None = None, ref: str | None = None,
             args: Args = ()) -> Problem:
    mark = clause.text_marks.get(lang) or clause.mark
    assert mark is not None
    at = None
    if name:  # the name inside a {{ }} or {% %} tag, even in a multi-line string
        at = positions.locate(mark, re.compile(
            r"\{[{%](?:(?![}%]\}).)*?(?<![\w'\"])(" + re.escape(name) + r")\b", re.S))
    elif ref is not None:
        at = positions.locate(mark, re.compile(r"\bref\(\s*(['\"]" + re.escape(ref) + ")"))
    elif clause.text_styles.get(lang) in ("|", ">"):  # the n-th line of the block's text
        at = positions.locate(mark, re.compile(rf"(?:[^\n]*\n){{{line or 1}}}[ \t]*(\S)"))
    at = at or mark
    return Problem(mark.path, at.line, at.column, f"clause '{clause.id}' ({lang}): {message}", rule,
                   args=(("clause", clause.id), ("lang", lang), *args))


#: Unknown references per document that get a "did you mean".
SUGGESTIONS = 20


def make_ref(numbers: Mapping[str, str], items: Mapping[str, str],
             left_out: Mapping[str, tuple[str, ...]] | None = None, law: str = ""
             ) -> Callable[[str], str]:
    """Return the `ref()` function clause text calls to print another clause's number.

    `left_out` names the clauses that hold under other laws than `law`, the
    document's: a reference to one of them says so.

    A suggestion costs a comparison with every clause id, so only the first
    SUGGESTIONS unknown references of a document get one: thousands of them
    must not make validation quadratic.
    """
    suggested = [0]

    def ref(clause_id: str) -> str:
        if clause_id in numbers:
            return numbers[clause_id]
        if left_out and clause_id in left_out:
            raise RefError(f"ref('{clause_id}') names a clause that holds under "
                           f"{', '.join(left_out[clause_id])} only, not under this document's "
                           f"law ({law or 'none'}); give the referring clause the same law:",
                           clause_id, (("laws", ", ".join(left_out[clause_id])),))
        if clause_id in items:
            raise RefError(f"ref('{clause_id}') names an item of clause '{items[clause_id]}'; "
                           f"items have no number: refer to the clause", clause_id,
                           (("item_of", items[clause_id]),))
        close: list[str] = []
        if suggested[0] < SUGGESTIONS:
            suggested[0] += 1
            close = difflib.get_close_matches(str(clause_id), list(numbers), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise RefError(f"ref('{clause_id}'): no clause has that id{hint}", clause_id,
                       (("hint", close[0]),) if close else ())

    return ref


#: The code of every `ref` make_ref returns: a call of it needs none of the sandbox's
#: checks (our own function, no method of a text, no context to pass).
_REF_CODE = make_ref({}, {}).__code__
