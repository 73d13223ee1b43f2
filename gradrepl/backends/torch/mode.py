"""Provides the TorchFunctionMode that routes every torch call of the user's code to the recording."""

from __future__ import annotations

from typing import Any

from torch.overrides import TorchFunctionMode

from gradrepl.backends.torch import handlers, optable
from gradrepl.backends.torch.optable import OpInfo
from gradrepl.backends.torch.recorder import UNSET, TorchRecording


class RecordingMode(TorchFunctionMode):
    """Routes every torch call of the user's code to the recording."""

    def __init__(self, recording: TorchRecording) -> None:
        super().__init__()
        self.rec = recording
        self.handlers_obj = handlers.Handlers(recording)
        self.handlers = handlers.table(self.handlers_obj)

    def __torch_function__(self, func: Any, types: Any, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        if kwargs is None:
            kwargs = {}
        rec = self.rec
        if rec.suspended:
            return func(*args, **kwargs)
        info = rec.infos.get(func)
        if info is None:
            info = rec.infos[func] = OpInfo(func)
        kind = info.kind
        if kind == optable.IGNORE:
            return func(*args, **kwargs)
        rec.result = UNSET
        rec.user_error = False
        try:
            if kind == optable.OP:
                return rec.on_op(info, func, args, kwargs)
            return self.handlers[kind](info, func, args, kwargs)
        except Exception as error:
            if rec.user_error:
                if rec.user_exc is not None and error is not rec.user_exc:
                    # the recorder failed while the user's call was failing: the user's error wins
                    rec.note_internal(error)
                    raise rec.user_exc from None
                raise
            # a recorder bug must never change what the user's code does
            rec.note_internal(error)
            result = rec.result
            return func(*args, **kwargs) if result is UNSET else result
