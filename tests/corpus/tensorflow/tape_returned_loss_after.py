# gradrepl-corpus: target=model.trainable_variables cause=outside_tape line=17 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(4, activation="relu"), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.SGD(0.01)


def forward_with_tape(batch):
    with tf.GradientTape() as tape:
        out = model(batch, training=True)
    return tape, out


x = tf.random.normal((10, 3))
y = tf.random.normal((10, 1))
tape, out = forward_with_tape(x)
loss = tf.reduce_mean(tf.square(out - y))
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
