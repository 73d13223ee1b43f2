"""Provides the worker process: one framework imported once, serving runs over pipe frames.

Started by the supervisor as ``python -m gradrepl.runner.worker FRAMEWORK
--fds REQ,RES,LIFE --dir CAPTURE_DIR``. It is a session leader (its own
process group), reads requests on fd REQ and answers on fd RES. Its fd 0 is
/dev/null and fds 1/2 are capture files in CAPTURE_DIR. When the parent dies,
the lifeline fd LIFE reads EOF and the worker kills its whole group.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import resource
import select
import shutil
import signal
import sys
import threading
import traceback
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from gradrepl.backends import registry
from gradrepl.core.report import ErrorInfo, RunReport
from gradrepl.core.request import RunRequest
from gradrepl.runner import protocol
from gradrepl.runner.capture import DUMP_NAME, CaptureFiles
from gradrepl.runner.complete import complete
from gradrepl.runner.execute import Executor
from gradrepl.runner.guard import install_sigint
from gradrepl.runner.limits import FILE_SIZE_LIMIT


WARMUP = {
    "torch": """\
import torch
x = torch.randn(4, 3, requires_grad=True)
w = torch.randn(3, 2, requires_grad=True)
loss = torch.tanh(x @ w).pow(2).mean()
loss.backward()
print(x.grad.sum().item(), w.grad.sum().item())
""",
    "tensorflow": """\
import tensorflow as tf
x = tf.Variable(tf.ones((4, 3)))
w = tf.Variable(tf.ones((3, 2)))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.tanh(tf.matmul(x, w)) ** 2)
grads = tape.gradient(loss, [x, w])
print(float(tf.reduce_sum(grads[0])))
""",
    "fake": """\
import fakegrad
x = fakegrad.tensor(1.0, requires_grad=True)
(x * x).tanh().backward()
print(x.grad)
""",
}
"""Run once through the whole path (recording, inspect, reset) before the worker says
ready, so the first user run does not pay for first-use initialisation."""


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="gradrepl.runner.worker")
    parser.add_argument("framework")
    parser.add_argument("--fds", required=True, help="REQ,RES,LIFE pipe fds")
    parser.add_argument("--dir", required=True, help="capture directory")
    return parser.parse_args(argv)


class Lifeline:
    """Kill the worker's whole group when the parent goes away (its end of the pipe closes).

    The parent can no longer remove the capture directory then, so the worker
    does. Two threads see the parent go: the lifeline thread (EOF on LIFE) and
    the serve loop (EOF on REQ, or EPIPE on RES). Both end here, under one lock,
    so the main thread cannot ``os._exit`` while the directory is half removed.
    """

    def __init__(self, fd: int, directory: str) -> None:
        self.fd, self.directory = fd, directory
        self._lock = threading.Lock()

    def watch(self) -> None:
        threading.Thread(target=self._wait, name="gradrepl-lifeline", daemon=True).start()

    def _wait(self) -> None:
        while True:
            try:
                if not os.read(self.fd, 1):
                    break
            except InterruptedError:
                continue
            except OSError:
                break
        self.parent_gone()

    def parent_gone(self) -> NoReturn:
        """Remove the directory, then SIGKILL the group (this process included); never returns."""
        with self._lock:  # the second thread to arrive waits here until the SIGKILL lands
            shutil.rmtree(self.directory, ignore_errors=True)
            os.killpg(os.getpgrp(), signal.SIGKILL)
            os._exit(1)  # not reached: SIGKILL cannot be caught


def _limit_files() -> None:
    """Bound every file the worker writes, and make an over-long write fail instead of killing it."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    soft = FILE_SIZE_LIMIT if hard == resource.RLIM_INFINITY else min(FILE_SIZE_LIMIT, hard)
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def _enable_dumps(directory: str) -> BinaryIO:
    """A crash (SIGSEGV ...) or the supervisor's SIGUSR1 before a kill writes the stack to a file."""
    dump = open(Path(directory) / DUMP_NAME, "wb", buffering=0)  # noqa: SIM115 - lives as long as the worker
    os.set_inheritable(dump.fileno(), False)
    faulthandler.enable(file=dump, all_threads=False)
    faulthandler.register(signal.SIGUSR1, file=dump, all_threads=False, chain=False)
    return dump


class Worker:
    """The serve loop around one Executor."""

    def __init__(self, executor: Executor, req: int, res: int) -> None:
        self.executor = executor
        self.req, self.res = req, res

    def serve(self) -> None:
        while True:
            message = protocol.read_frame(self.req)  # ProtocolError: the parent closed the pipe
            if message["op"] == "exit":
                return
            if message["op"] == "interrupt":
                continue  # for a run that has ended (one that had not started yet saw it waiting)
            reply, recycle = self.handle(message)
            protocol.write_all(self.res, _encode_reply(reply))
            if recycle:
                return

    def handle(self, message: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        op = message["op"]
        if op == "run":
            return self._run(message)
        if op == "complete":
            module = self.executor.sessions.get(message.get("session") or "")
            names = complete(module.__dict__, message["prefix"]) if module is not None else []
            return {"op": "completions", "names": names}, False
        if op == "drop":
            self.executor.sessions.pop(message.get("session") or "", None)
            return {"op": "dropped"}, False
        return {"op": "error", "message": f"unknown op {op!r}"}, False

    def _run(self, message: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        request = protocol.request_from_dict(message["request"])
        try:
            report, recycle = self.executor.run(request)
        except BaseException as exc:  # noqa: BLE001 - e.g. a KeyboardInterrupt landing between two steps
            report = RunReport(framework=self.executor.backend.name, outcome="raised", script=request.filename,
                               error=ErrorInfo(type=type(exc).__name__, message=str(exc) or "interrupted"))
            report.warnings.append("the run was interrupted inside gradrepl; the worker was restarted")
            recycle = True
        return {"op": "result", "report": report, "recycle": recycle}, recycle


def _encode_reply(reply: dict[str, Any]) -> bytes:
    """The reply's frame; a report the JSON encoder rejects (a backend put a cycle or
    odd keys in it) is sent without its details rather than not at all."""
    try:
        return protocol.encode(reply)
    except (TypeError, ValueError, RecursionError) as exc:
        report = reply.get("report")
        if not isinstance(report, RunReport):
            return protocol.encode({"op": "error", "message": f"unencodable reply: {exc}"})
        slim = RunReport(framework=report.framework, outcome=report.outcome, script=report.script,
                         duration_ms=report.duration_ms, stdout=report.stdout, stderr=report.stderr,
                         output_truncated=report.output_truncated, error=report.error,
                         framework_version=report.framework_version,
                         warnings=[*report.warnings, f"gradrepl could not send this run's details ({exc})"])
        return protocol.encode({**reply, "report": slim})


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    req, res, life = (int(x) for x in args.fds.split(","))
    for fd in (req, res, life):
        os.set_inheritable(fd, False)
    lifeline = Lifeline(life, args.dir)
    lifeline.watch()
    try:
        return _serve(args, req, res)
    except (protocol.ProtocolError, BrokenPipeError):
        # the parent closed its pipes: it died, or it is killing us (it closes them only after
        # a kill). Leaving through os._exit now could beat the lifeline thread's cleanup.
        lifeline.parent_gone()


def _serve(args: argparse.Namespace, req: int, res: int) -> int:
    capture = CaptureFiles(args.dir)
    _limit_files()
    dump = _enable_dumps(args.dir)
    # the script's directory goes on sys.path per run, as for `python script.py`; not our cwd
    sys.path[:] = [p for p in sys.path if p not in ("", os.getcwd())]
    executor = _load(args.framework, res, capture)
    if executor is None:
        return 1
    install_sigint(lambda: executor.interruptible)
    _warm_up(executor, args.framework)
    executor.interrupt_waiting = lambda: _readable(req)
    protocol.write_frame(res, {"op": "ready", "version": executor.version, "pid": os.getpid()})
    Worker(executor, req, res).serve()
    dump.close()
    return 0


def _readable(fd: int) -> bool:
    """Whether a frame waits on the request pipe. During a run the parent sends only
    ``interrupt`` frames, so one waiting when user code starts means Ctrl-C came first."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    try:
        return bool(poller.poll(0))
    except OSError:
        return False


def _warm_up(executor: Executor, framework: str) -> None:
    code = WARMUP.get(framework)
    if code is None:
        return
    try:
        executor.run(RunRequest(code=code, filename="<gradrepl warm-up>", timeout=60.0))
    except Exception:  # noqa: S110 - a failed warm-up only costs the first run its speed
        pass


def _load(framework: str, res: int, capture: CaptureFiles) -> Executor | None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    protocol.write_frame(res, {"op": "status", "text": f"loading {framework}…"})
    try:
        backend = registry.create(framework)
        version = backend.load()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        protocol.write_frame(res, {"op": "failed", "message": text, "traceback": traceback.format_exc()})
        return None
    return Executor(backend, capture, str(version))


if __name__ == "__main__":
    # os._exit: never wait for threads user code may have left behind
    code = main()
    sys.stdout.flush()
    os._exit(code)
