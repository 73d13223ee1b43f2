# gradrepl-corpus: target=model.trainable_variables cause=none
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((12,)),
    tf.keras.layers.Dense(16),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Activation("relu"),
    tf.keras.layers.Dense(3),
])
opt = tf.keras.optimizers.Adam(1e-3)
ce = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
x = tf.random.normal((32, 12))
y = tf.random.uniform((32,), 0, 3, dtype=tf.int32)
for step in range(3):
    with tf.GradientTape() as tape:
        loss = ce(y, model(x, training=True))
    grads = tape.gradient(loss, model.trainable_variables)
    grads, _ = tf.clip_by_global_norm(grads, 1.0)
    opt.apply_gradients(zip(grads, model.trainable_variables))
