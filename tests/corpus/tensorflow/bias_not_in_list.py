# gradrepl-corpus: target=b cause=keras_wrong_variables line=13 symptom=grad_none
# gradrepl-corpus: target=w cause=none
import tensorflow as tf

w = tf.Variable(tf.random.normal((3, 1)))
b = tf.Variable(tf.zeros((1,)))
x = tf.random.normal((32, 3))
y = tf.random.normal((32, 1)) + 2.0
opt = tf.keras.optimizers.SGD(0.05)
for step in range(5):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((x @ w + b - y) ** 2)
    grads = tape.gradient(loss, [w])
    opt.apply_gradients(zip(grads, [w]))
print("bias after training:", b.numpy())
