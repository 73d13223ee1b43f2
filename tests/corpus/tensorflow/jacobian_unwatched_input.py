# gradrepl-corpus: target=inputs cause=constant_not_watched line=6 symptom=grad_none
import numpy as np
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(5, activation="tanh"), tf.keras.layers.Dense(2)])
inputs = tf.convert_to_tensor(np.random.rand(4, 3), dtype=tf.float32)
with tf.GradientTape(persistent=True) as tape:
    outputs = net(inputs)
jac = tape.batch_jacobian(outputs, inputs)
grad_in = tape.gradient(outputs, inputs)
print(jac, grad_in)
del tape
