# gradrepl-corpus: target=model.fc.weight cause=no_grad_context line=32 symptom=error
import torch
import torch.nn as nn


class TextClassifier(nn.Module):
    def __init__(self, vocab=100, d=12, n=3):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab, d)
        self.fc = nn.Linear(d, n)

    def forward(self, tokens, offsets):
        return self.fc(self.emb(tokens, offsets))


@torch.no_grad()
def train_step(model, optimizer, batch):
    tokens, offsets, labels = batch
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(tokens, offsets), labels)
    loss.backward()
    optimizer.step()
    return loss.item()


model = TextClassifier()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
tokens = torch.randint(0, 100, (20,))
offsets = torch.tensor([0, 5, 12, 15])
labels = torch.tensor([0, 2, 1, 1])
for epoch in range(2):
    print(train_step(model, optimizer, (tokens, offsets, labels)))
