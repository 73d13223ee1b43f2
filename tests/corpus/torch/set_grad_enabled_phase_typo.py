# gradrepl-corpus: target=model[0].weight cause=no_grad_context line=17 symptom=error
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(6, 12), nn.ReLU(), nn.Dropout(0.2), nn.Linear(12, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
criterion = nn.CrossEntropyLoss()
loaders = {"train": [(torch.randn(8, 6), torch.randint(0, 2, (8,)))],
           "val": [(torch.randn(8, 6), torch.randint(0, 2, (8,)))]}

for phase in ["training", "val"]:
    model.train() if phase == "train" else model.eval()
    total = 0.0
    for inputs, labels in loaders["train" if phase == "training" else phase]:
        optimizer.zero_grad()
        with torch.set_grad_enabled(phase == "train"):
            outputs = model(inputs)
            loss = criterion(outputs, labels)
            if phase == "training":
                loss.backward()
                optimizer.step()
        total += loss.item()
    print(phase, total)
