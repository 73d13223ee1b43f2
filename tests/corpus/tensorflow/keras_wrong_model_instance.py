# gradrepl-corpus: target=model.trainable_variables cause=keras_wrong_variables line=20 symptom=error
import tensorflow as tf


def build_model():
    return tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])


model = build_model()
optimizer = tf.keras.optimizers.Adam()
x = tf.random.normal((10, 4))
y = tf.random.normal((10, 1))


def train_step(x, y):
    net = build_model()
    with tf.GradientTape() as tape:
        pred = net(x, training=True)
        loss = tf.reduce_mean(tf.square(pred - y))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


train_step(x, y)
