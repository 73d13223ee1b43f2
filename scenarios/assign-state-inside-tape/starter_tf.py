"""A tiny recurrent cell that keeps its state in a Variable between calls."""
import tensorflow as tf

tf.random.set_seed(0)
inputs = tf.random.normal([5, 1, 3])  # 5 time steps, batch of 1
target = tf.constant([[0.5, -0.5, 0.2, 0.0]])
W = tf.Variable(tf.random.normal([3, 4], stddev=0.5))
U = tf.Variable(tf.random.normal([4, 4], stddev=0.5))
state = tf.Variable(tf.zeros([1, 4]), trainable=False)

with tf.GradientTape() as tape:
    for t in range(5):
        state.assign(tf.tanh(inputs[t] @ W + state @ U))
    loss = tf.reduce_sum((state - target) ** 2)
grad_W, grad_U = tape.gradient(loss, [W, U])
print("grad W:", grad_W)
print("grad U:", grad_U)
