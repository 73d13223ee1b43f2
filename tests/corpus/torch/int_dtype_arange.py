# gradrepl-corpus: target=steps cause=int_dtype line=4 symptom=error
import torch

steps = torch.arange(0, 10)
steps.requires_grad_()
signal = torch.sin(steps * 0.1)
signal.sum().backward()
