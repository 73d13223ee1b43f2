# gradrepl-corpus: target=w cause=none
import tensorflow as tf

w = tf.Variable(3.0)
with tf.GradientTape() as tape:
    y = w ** 3
    dy = tape.gradient(y, w)
print(float(dy))
