"""Calibrate a linear classifier with a learnable temperature."""
import tensorflow as tf


def make_classifier(learn_temperature=False):
    weights = tf.Variable(tf.random.normal([4, 3], stddev=0.5))
    temperature = tf.Variable(1.0, trainable=learn_temperature)
    return weights, temperature


tf.random.set_seed(0)
x = tf.random.normal([32, 4])
y = tf.random.uniform([32], maxval=3, dtype=tf.int32)
weights, temperature = make_classifier(learn_temperature=True)  # the default freezes it


def loss_fn():
    logits = x @ weights / temperature
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(y, logits))


with tf.GradientTape() as tape:
    loss = loss_fn()
grad_w, grad_t = tape.gradient(loss, [weights, temperature])
print("temperature grad:", grad_t)
