# gradrepl-corpus: target=model.w cause=none
# gradrepl-corpus: target=model.b cause=none
import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.w = tf.Variable(tf.random.normal((n_in, n_out)) * 0.1, name="w")
        self.b = tf.Variable(tf.zeros((n_out,)), name="b")

    @tf.function
    def __call__(self, x):
        return tf.matmul(x, self.w) + self.b


model = Linear(3, 2)
x = tf.random.normal((10, 3))
y = tf.random.normal((10, 2))
lr = 0.1
for _ in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    dw, db = tape.gradient(loss, [model.w, model.b])
    model.w.assign_sub(lr * dw)
    model.b.assign_sub(lr * db)
