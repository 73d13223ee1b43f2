# gradrepl-corpus: target=backbone.trainable_variables cause=outside_tape line=11 symptom=grad_none
import tensorflow as tf

backbone = tf.keras.Sequential([tf.keras.Input((20,)), tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(16, activation="relu")])
head = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(2)])
opt = tf.keras.optimizers.Adam(1e-3)
ce = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)

x = tf.random.normal((24, 20))
y = tf.random.uniform((24,), 0, 2, dtype=tf.int32)
features = backbone(x, training=True)

variables = backbone.trainable_variables + head.trainable_variables
for epoch in range(2):
    with tf.GradientTape() as tape:
        loss = ce(y, head(features, training=True))
    grads = tape.gradient(loss, variables)
    missing = [v.path for g, v in zip(grads, variables) if g is None]
    print(epoch, float(loss), "missing:", missing)
    opt.apply_gradients([(g, v) for g, v in zip(grads, variables) if g is not None])
