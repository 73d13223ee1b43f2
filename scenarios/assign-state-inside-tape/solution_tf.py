"""A tiny recurrent cell that keeps its state in a Variable between calls."""
import tensorflow as tf

tf.random.set_seed(0)
inputs = tf.random.normal([5, 1, 3])  # 5 time steps, batch of 1
target = tf.constant([[0.5, -0.5, 0.2, 0.0]])
W = tf.Variable(tf.random.normal([3, 4], stddev=0.5))
U = tf.Variable(tf.random.normal([4, 4], stddev=0.5))
state = tf.Variable(tf.zeros([1, 4]), trainable=False)
start = tf.identity(state)  # the state this sequence starts from


def run_cell(h):
    for t in range(5):
        h = tf.tanh(inputs[t] @ W + h @ U)  # a tensor the tape can follow, not an assign
    return h


def loss_fn():
    return tf.reduce_sum((run_cell(start) - target) ** 2)


with tf.GradientTape() as tape:
    h = run_cell(start)
    loss = tf.reduce_sum((h - target) ** 2)
grad_W, grad_U = tape.gradient(loss, [W, U])
state.assign(h)  # keep the final state for the next sequence, outside the gradient path
print("grad W:", grad_W)
print("grad U:", grad_U)
