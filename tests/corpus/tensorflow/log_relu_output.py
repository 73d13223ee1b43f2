# gradrepl-corpus: target=model.trainable_variables cause=nan_at_singularity line=12 symptom=grad_nan
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3, activation="relu")])
model.layers[0].kernel.assign(tf.concat([tf.ones((4, 2)), -tf.ones((4, 1))], axis=1))
model.layers[0].bias.assign(tf.zeros((3,)))
x = tf.abs(tf.random.normal((6, 4)))
target = tf.ones((6, 3))

with tf.GradientTape() as tape:
    rates = model(x)
    log_rates = tf.math.log(rates)
    loss = tf.reduce_mean((log_rates - target) ** 2)
grads = tape.gradient(loss, model.trainable_variables)
