"""Outcomes a check raises: a failure with its evidence, or a skip that section 14 allows."""


class Fail(AssertionError):
    pass


class Skip(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Fail(message)
