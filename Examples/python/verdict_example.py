"""Evaluates clients with libVerdictC through ctypes; see docs/embedding-c.md.

Usage: python3 verdict_example.py [path/to/libVerdictC.so]
(default: .build/debug/libVerdictC.so, as `swift build --product VerdictC` leaves it).
"""
import ctypes
import json
import sys

VERDICT_OK = 0


class VerdictError(Exception):
    """A call that failed: its status (verdict_status in verdict.h) and message."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


class Verdict:
    """The library, with each function's C types declared once."""

    def __init__(self, path):
        lib = ctypes.CDLL(path)
        out = ctypes.POINTER(ctypes.c_void_p)
        lib.verdict_version.restype = ctypes.c_char_p
        lib.verdict_policy_compile.argtypes = [ctypes.c_char_p, ctypes.c_char_p, out, out]
        lib.verdict_policy_free.argtypes = [ctypes.c_void_p]
        lib.verdict_context_new.restype = ctypes.c_void_p
        lib.verdict_context_set_today.argtypes = [ctypes.c_void_p, ctypes.c_char_p, out]
        lib.verdict_context_free.argtypes = [ctypes.c_void_p]
        lib.verdict_evaluate.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, out, out]
        lib.verdict_explain.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, out, out]
        lib.verdict_string_free.argtypes = [ctypes.c_void_p]
        self.lib = lib

    def take_string(self, pointer):
        """The text of a string the library returned, which is then freed; None for NULL."""
        if not pointer.value:
            return None
        text = ctypes.string_at(pointer.value).decode("utf-8")
        self.lib.verdict_string_free(pointer)
        return text

    def call(self, function, *arguments):
        """Calls `function` with an error out-parameter last; raises VerdictError on failure."""
        error = ctypes.c_void_p()
        status = function(*arguments, ctypes.byref(error))
        if status != VERDICT_OK:
            # The message is NULL only when memory ran out for it.
            message = self.take_string(error)
            raise VerdictError(status, message or f"status {status}, and no memory left for its message")


class Policy:
    """A compiled policy; evaluate() may be called from several threads at once."""

    def __init__(self, verdict, source, name):
        self.verdict = verdict
        self.handle = ctypes.c_void_p()
        verdict.call(verdict.lib.verdict_policy_compile, source.encode(), name.encode(), ctypes.byref(self.handle))
        self.context = verdict.lib.verdict_context_new()

    def set_today(self, date):
        self.verdict.call(self.verdict.lib.verdict_context_set_today, self.context, date.encode())

    def evaluate(self, client):
        outcome = ctypes.c_void_p()
        self.verdict.call(
            self.verdict.lib.verdict_evaluate, self.handle, self.context, json.dumps(client).encode(),
            ctypes.byref(outcome))
        return json.loads(self.verdict.take_string(outcome))

    def close(self):
        self.verdict.lib.verdict_context_free(self.context)
        self.verdict.lib.verdict_policy_free(self.handle)


POLICY = """\
field payment_delay: duration in days
field outstanding: money in EUR

rule "owes and pays late"
  when payment_delay > 60d and outstanding > 0€
  then recommend fire notice 30d hold until paid

otherwise recommend keep
"""


def main():
    verdict = Verdict(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/libVerdictC.so")
    print("libVerdictC", verdict.lib.verdict_version().decode())
    policy = Policy(verdict, POLICY, "late-payers.verdict")
    policy.set_today("2026-11-29")

    outcome = policy.evaluate({"payment_delay": 72, "outstanding": "3150 EUR"})
    print(outcome["verdict"], "by", outcome["rule"], "with notice", outcome["notice"])
    assert (outcome["verdict"], outcome["rule"], outcome["hold_until_paid"]) == ("fire", "owes and pays late", True)
    assert policy.evaluate({"payment_delay": 10})["verdict"] == "keep"

    try:
        policy.evaluate({"outstandng": "3150 EUR"})
        raise AssertionError("a misspelt field was accepted")
    except VerdictError as error:
        print("refused:", error)
        assert error.status == 3 and "did you mean 'outstanding'?" in str(error)

    try:
        Policy(verdict, POLICY.replace("> 0€", "> 0"), "bad.verdict")
        raise AssertionError("a policy with an error compiled")
    except VerdictError as error:
        print(error, end="")
        assert error.status == 2 and str(error).startswith("bad.verdict:5:")
    policy.close()


if __name__ == "__main__":
    main()
