# gradrepl-corpus: target=seg.trainable_variables cause=non_differentiable_op line=13 symptom=error
import tensorflow as tf

seg = tf.keras.Sequential([
    tf.keras.Input((8, 8, 1)),
    tf.keras.layers.Conv2D(4, 3, padding="same", activation="relu"),
    tf.keras.layers.Conv2D(1, 1, activation="sigmoid"),
])
opt = tf.keras.optimizers.Adam(1e-3)


def dice_loss(y_true, y_prob):
    y_hat = tf.round(y_prob)
    inter = tf.reduce_sum(y_true * y_hat)
    return 1.0 - (2.0 * inter + 1.0) / (tf.reduce_sum(y_true) + tf.reduce_sum(y_hat) + 1.0)


images = tf.random.uniform((4, 8, 8, 1))
masks = tf.cast(images > 0.5, tf.float32)
with tf.GradientTape() as tape:
    loss = dice_loss(masks, seg(images, training=True))
grads = tape.gradient(loss, seg.trainable_variables)
opt.apply_gradients(zip(grads, seg.trainable_variables))
