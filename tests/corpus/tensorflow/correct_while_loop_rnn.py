# gradrepl-corpus: target=cell.trainable_variables cause=none
import tensorflow as tf

cell = tf.keras.layers.SimpleRNNCell(6)
readout = tf.keras.layers.Dense(1)
seq = tf.random.normal((4, 7, 3))
cell.build((None, 3))
readout.build((None, 6))


def run(xs):
    state = [tf.zeros((4, 6))]
    outs = tf.TensorArray(tf.float32, size=xs.shape[1])
    for t in tf.range(xs.shape[1]):
        out, state = cell(xs[:, t, :], state)
        outs = outs.write(t, out)
    return outs.stack()


with tf.GradientTape() as tape:
    hidden = run(seq)
    loss = tf.reduce_mean(tf.square(readout(hidden[-1]) - 1.0))
grads = tape.gradient(loss, cell.trainable_variables + readout.trainable_variables)
print([g.shape for g in grads])
