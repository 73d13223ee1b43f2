# gradrepl-corpus: target=w cause=tape_reused line=11 symptom=error
import tensorflow as tf

w = tf.Variable(1.0)
x = tf.constant(2.0)
opt = tf.keras.optimizers.SGD(0.1)
with tf.GradientTape() as tape:
    y = (w * x - 3.0) ** 2
for step in range(3):
    print("step", step)
    grad = tape.gradient(y, w)
    opt.apply_gradients([(grad, w)])
