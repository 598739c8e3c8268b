"""The sandbox keeps an attribute's verdict by type and name, never letting one type's
safe attribute through on another type."""

from __future__ import annotations

from collections.abc import MutableSequence

from jinja2 import Undefined

from jobdocs.resolve.sandbox import environment


class Stack:
    """Not a mutable sequence: its `pop` and `append` are plain methods."""

    def pop(self) -> str:
        return "popped"

    def append(self, item: object) -> None:
        pass


class Impostor:
    """Says it is a dict, as a proxy or a mock may."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return dict

    def pop(self) -> str:
        return "popped"


def refused(obj: object, attr: str) -> bool:
    return isinstance(environment().getattr(obj, attr), Undefined)


def test_an_unsafe_attribute_is_refused_after_a_safe_one_of_the_same_name():
    for _ in range(2):
        assert not refused(Stack(), "pop")
        assert refused({}, "pop")
        assert refused([], "append")
    assert not refused(Stack(), "pop")


def test_an_object_claiming_another_class_is_judged_every_time():
    assert not refused(Stack(), "pop")
    assert refused(Impostor(), "pop")  # isinstance() takes it for a dict, as Jinja does
    assert refused(Impostor(), "pop")


def test_a_registration_with_an_abstract_class_is_seen():
    class Queue(Stack):
        pass

    assert not refused(Queue(), "append")
    MutableSequence.register(Queue)
    assert refused(Queue(), "append")
