# gradrepl-corpus: target=model.trainable_variables cause=none
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((5, 3)), tf.keras.layers.LSTM(8), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.RMSprop(1e-3)
x = tf.random.normal((6, 5, 3))
y = tf.reduce_sum(x[:, -1, :], axis=1, keepdims=True)
for _ in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.keras.losses.huber(y, model(x, training=True)))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
