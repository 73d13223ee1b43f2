# gradrepl-corpus: target=cell.kernel cause=assign_breaks line=13 symptom=grad_none
import tensorflow as tf

class Cell(tf.Module):
    def __init__(self):
        self.kernel = tf.Variable(tf.random.normal((3, 3)) * 0.1)
        self.state = tf.Variable(tf.zeros((1, 3)), trainable=False)

cell = Cell()
x = tf.random.normal((1, 3))
with tf.GradientTape() as tape:
    for t in range(3):
        cell.state.assign(tf.tanh(tf.matmul(x + cell.state, cell.kernel)))
    loss = tf.reduce_sum(cell.state ** 2)
print(tape.gradient(loss, cell.kernel))
