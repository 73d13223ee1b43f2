# gradrepl-corpus: target=model cause=none
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((5,), dtype="int32"),
    tf.keras.layers.Embedding(50, 4),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(1),
])
opt = tf.keras.optimizers.SGD(0.1)
tokens = tf.random.uniform((6, 5), 0, 50, dtype=tf.int32)
labels = tf.random.normal((6, 1))


@tf.function
def train_step(tokens, labels):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(tokens) - labels) ** 2)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for _ in range(2):
    train_step(tokens, labels)
