# gradrepl-corpus: target=x cause=none
import tensorflow as tf

layer = tf.keras.layers.Dense(3, activation="tanh")
x = tf.random.normal((4, 2))
layer(x)
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    y = layer(x)
    total = tf.reduce_sum(y)
jac = tape.batch_jacobian(y, x)
gx = tape.gradient(total, x)
del tape
print(jac.shape, gx.shape)
