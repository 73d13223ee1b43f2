# gradrepl-corpus: target=model.trainable_variables cause=none
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3)])
opt = tf.keras.optimizers.SGD(0.05)


@tf.function(input_signature=[tf.TensorSpec((None, 4), tf.float32), tf.TensorSpec((None,), tf.int32)])
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(y, logits))
    grads = tape.gradient(loss, model.trainable_variables, unconnected_gradients=tf.UnconnectedGradients.ZERO)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for _ in range(3):
    train_step(tf.random.normal((6, 4)), tf.random.uniform((6,), 0, 3, dtype=tf.int32))
