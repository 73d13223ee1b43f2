# gradrepl-corpus: target=net.trainable_variables cause=outside_tape line=18 symptom=grad_none
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(8, activation="tanh"), tf.keras.layers.Dense(1)])


def forward(batch):
    scaled = batch / 10.0
    return net(scaled)


def mse(a, b):
    return tf.reduce_mean(tf.square(a - b))


x = tf.random.normal((16, 3)) * 10.0
y = tf.reduce_sum(x, axis=1, keepdims=True) / 10.0
preds = forward(x)
with tf.GradientTape() as tape:
    loss = mse(preds, y)
grads = tape.gradient(loss, net.trainable_variables)
print([g is None for g in grads])
