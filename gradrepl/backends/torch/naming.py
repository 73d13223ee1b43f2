"""Provides names as the user writes them, target evaluation and target discovery.

A module parameter is named by its path (``model.fc.weight``, ``net[0].weight``
for a Sequential, ``heads['a'].bias`` for a ModuleDict); optimizer parameters
not found elsewhere by ``opt.param_groups[0]['params'][1]``; tensors one level
inside a list, dict or plain object by ``params[0]``, ``d['w']``, ``obj.w``.
"""

from __future__ import annotations

import types
from typing import Any, Iterator

import torch

Tensor = torch.Tensor
Module = torch.nn.Module
Optimizer = torch.optim.Optimizer
INDEXED = (torch.nn.Sequential, torch.nn.ModuleList, torch.nn.ParameterList)
KEYED = (torch.nn.ModuleDict, torch.nn.ParameterDict)
MAX_ITEMS = 512


def module_params(prefix: str, module: Module) -> Iterator[tuple[str, Tensor]]:
    """(name, parameter) for every parameter of a module, named as the user writes it."""
    seen: set[int] = set()
    yield from _walk_module(prefix, module, seen, 0)


def _walk_module(prefix: str, module: Module, seen: set[int], depth: int) -> Iterator[tuple[str, Tensor]]:
    if depth > 64:
        return
    for name, param in module._parameters.items():
        if param is not None and id(param) not in seen:
            seen.add(id(param))
            yield _child(prefix, module, name), param
    for name, sub in module._modules.items():
        if sub is not None:
            yield from _walk_module(_child(prefix, module, name), sub, seen, depth + 1)
    for name, held in _unregistered(module):
        if isinstance(held, Module):
            yield from _walk_module(f"{prefix}.{name}", held, seen, depth + 1)
        elif id(held) not in seen:
            seen.add(id(held))
            yield f"{prefix}.{name}", held


def _unregistered(module: Module) -> Iterator[tuple[str, Any]]:
    """Modules and grad-requiring tensors a module keeps in a plain list, tuple or dict
    attribute (``self.layers = [nn.Linear(...)]``): nn.Module does not register them."""
    for attr, value in list(vars(module).items()):
        if attr.startswith("_") or not isinstance(value, (list, tuple, dict)):
            continue
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in list(items)[:MAX_ITEMS]:
            if isinstance(item, Module) or (isinstance(item, Tensor) and item.requires_grad and item.is_leaf):
                yield (f"{attr}[{key!r}]" if isinstance(value, dict) else f"{attr}[{key}]"), item


def unregistered_holder(name: str, module_name: str, module: Module) -> str | None:
    """The plain container attribute (``model.layers``) a module parameter name goes through, if any."""
    rest = name[len(module_name):]
    for attr, _ in _unregistered(module):
        container = attr.split("[", 1)[0]
        if rest.startswith(f".{container}["):
            return f"{module_name}.{container}"
    return None


def _child(prefix: str, parent: Module, name: str) -> str:
    if isinstance(parent, INDEXED) and name.isdigit():
        return f"{prefix}[{name}]"
    if isinstance(parent, KEYED):
        return f"{prefix}[{name!r}]"
    return f"{prefix}.{name}" if name.isidentifier() else f"{prefix}[{name!r}]"


def optimizer_params(prefix: str, opt: Optimizer) -> Iterator[tuple[str, Tensor]]:
    for g, group in enumerate(opt.param_groups):
        for i, param in enumerate(group["params"]):
            yield f"{prefix}.param_groups[{g}]['params'][{i}]", param


def expand(expr: str, value: Any) -> list[tuple[str, Tensor]] | str:
    """The tensors a target expression's value stands for, or why it stands for none."""
    if isinstance(value, Tensor):
        return [(expr, value)]
    if isinstance(value, Module):
        found = list(module_params(expr, value))
        return found or f"`{expr}` is a {type(value).__name__} module without parameters."
    if isinstance(value, Optimizer):
        return list(optimizer_params(expr, value))
    if isinstance(value, (list, tuple)):
        out: list[tuple[str, Tensor]] = []
        for i, item in enumerate(value[:MAX_ITEMS]):
            if isinstance(item, Tensor):
                out.append((f"{expr}[{i}]", item))
            elif isinstance(item, Module):
                out.extend(module_params(f"{expr}[{i}]", item))
        return out or _not_tensors(expr, value)
    if isinstance(value, dict):
        out = [(f"{expr}[{k!r}]", v) for k, v in list(value.items())[:MAX_ITEMS] if isinstance(v, Tensor)]
        return out or _not_tensors(expr, value)
    if isinstance(value, types.GeneratorType):
        return expand(expr, list(value))
    return _not_tensors(expr, value)


def _not_tensors(expr: str, value: Any) -> str:
    return f"`{expr}` is a {type(value).__name__}, not a tensor, module, optimizer or list of tensors."


def user_values(ns: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Names the user bound, in order, without dunders, modules, classes and functions."""
    for name, value in list(ns.items()):
        if name.startswith("_") or isinstance(value, (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType)):
            continue
        yield name, value


def all_names(ns: dict[str, Any]) -> dict[int, str]:
    """id of every tensor the user can name -> the simplest such name."""
    names: dict[int, str] = {}

    def add(name: str, t: Tensor) -> None:
        names.setdefault(id(t), name)

    containers: list[tuple[str, Any]] = []
    for name, value in user_values(ns):
        if isinstance(value, Tensor):
            add(name, value)
        else:
            containers.append((name, value))
    for name, value in containers:
        if isinstance(value, Module):
            for pname, p in module_params(name, value):
                add(pname, p)
        elif isinstance(value, (list, tuple, dict)):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in list(items)[:MAX_ITEMS]:
                label = f"{name}[{key!r}]" if isinstance(value, dict) else f"{name}[{key}]"
                if isinstance(item, Tensor):
                    add(label, item)
                elif isinstance(item, Module):
                    for pname, p in module_params(label, item):
                        add(pname, p)
        elif _is_user_object(value, ns):
            for attr, item in list(vars(value).items())[:MAX_ITEMS]:
                if isinstance(item, Tensor) and not attr.startswith("_"):
                    add(f"{name}.{attr}", item)
    for name, value in containers:
        if isinstance(value, Optimizer):
            for pname, p in optimizer_params(name, value):
                add(pname, p)
    return names


def _is_user_object(value: Any, ns: dict[str, Any]) -> bool:
    cls = type(value)
    return cls.__module__ == ns.get("__name__", "__main__") and hasattr(value, "__dict__")
