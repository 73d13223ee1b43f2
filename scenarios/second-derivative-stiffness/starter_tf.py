"""Stiffness of a bond: the second derivative of a Morse potential."""
import tensorflow as tf

x = tf.Variable([0.7, 1.0, 1.5])  # bond lengths
with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        energy = tf.reduce_sum((1 - tf.exp(-2.0 * (x - 1.0))) ** 2)
force = inner.gradient(energy, x)
stiffness = outer.gradient(force, x)
print("stiffness:", stiffness)
