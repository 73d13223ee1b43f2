# gradrepl-corpus: target=x cause=none
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
x = tf.constant([[10.0, 20.0, 30.0], [5.0, 0.0, 15.0]])
with tf.GradientTape() as tape:
    tape.watch(x)
    x = (x - 10.0) / 10.0
    y = tf.reduce_sum(model(x))
dy_dx = tape.gradient(y, x)
print(dy_dx)
