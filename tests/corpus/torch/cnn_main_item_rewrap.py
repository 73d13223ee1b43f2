# gradrepl-corpus: target=model.conv1.weight cause=numpy_roundtrip line=35 symptom=grad_none
import torch
import torch.nn as nn
import torch.nn.functional as F


class SmallCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(16 * 7 * 7, n_classes)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc(x.flatten(1))


def make_batches(n):
    return [(torch.randn(4, 1, 28, 28), torch.randint(0, 10, (4,))) for _ in range(n)]


def main():
    torch.manual_seed(0)
    model = SmallCNN()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for epoch in range(2):
        running = 0.0
        for images, labels in make_batches(3):
            optimizer.zero_grad()
            outputs = model(images)
            loss_value = criterion(outputs, labels).item()
            loss = torch.tensor(loss_value, requires_grad=True)
            loss.backward()
            optimizer.step()
            running += loss_value
        print(f"epoch {epoch}: {running / 3:.3f}")
    print(model.conv1.weight.grad)


if __name__ == "__main__":
    main()
