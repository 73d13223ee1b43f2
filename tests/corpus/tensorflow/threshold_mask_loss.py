# gradrepl-corpus: target=model.trainable_variables cause=non_differentiable_op line=12 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1, activation="sigmoid")])
optimizer = tf.keras.optimizers.Adam()
x = tf.random.normal((12, 3))
y_true = tf.cast(tf.random.uniform((12, 1)) > 0.5, tf.float32)


def dice_loss(y_true, y_pred):
    # compare hard masks, like the evaluation metric does
    y_pred_binary = tf.cast(y_pred > 0.5, tf.float32)
    inter = tf.reduce_sum(y_true * y_pred_binary)
    return 1.0 - (2.0 * inter + 1.0) / (tf.reduce_sum(y_true) + tf.reduce_sum(y_pred_binary) + 1.0)


with tf.GradientTape() as tape:
    loss = dice_loss(y_true, model(x))
grads = tape.gradient(loss, model.trainable_variables)
optimizer.apply_gradients(zip(grads, model.trainable_variables))
