# gradrepl-corpus: target=w cause=hook_or_custom_fn line=6 symptom=grad_zero
import torch

w = torch.randn(4, requires_grad=True)
clip_value = 0.0
w.register_hook(lambda g: g.clamp(-clip_value, clip_value))
loss = (w * torch.arange(4.0)).sum()
loss.backward()
print(w.grad)
