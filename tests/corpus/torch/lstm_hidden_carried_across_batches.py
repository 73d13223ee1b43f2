# gradrepl-corpus: target=lstm.weight_hh_l0 cause=retain_graph line=22 symptom=error
import torch
import torch.nn as nn

torch.manual_seed(0)
vocab, emb_dim, hid = 50, 8, 16
embedding = nn.Embedding(vocab, emb_dim)
lstm = nn.LSTM(emb_dim, hid, batch_first=True)
decoder = nn.Linear(hid, vocab)
params = list(embedding.parameters()) + list(lstm.parameters()) + list(decoder.parameters())
optimizer = torch.optim.Adam(params, lr=1e-3)
criterion = nn.CrossEntropyLoss()

stream = torch.randint(0, vocab, (4, 61))
h = torch.zeros(1, 4, hid)
c = torch.zeros(1, 4, hid)

for start in range(0, 60, 20):
    inputs = stream[:, start:start + 20]
    targets = stream[:, start + 1:start + 21]
    emb = embedding(inputs)
    out, (h, c) = lstm(emb, (h, c))
    logits = decoder(out)
    loss = criterion(logits.reshape(-1, vocab), targets.reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(start, loss.item())
