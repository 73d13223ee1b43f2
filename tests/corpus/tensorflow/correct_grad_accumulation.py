# gradrepl-corpus: target=model.trainable_variables cause=none
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.SGD(0.01)
micro = [(tf.random.normal((4, 5)), tf.random.normal((4, 1))) for _ in range(3)]

accum = [tf.zeros_like(v) for v in model.trainable_variables]
for xb, yb in micro:
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(xb, training=True) - yb)) / len(micro)
    grads = tape.gradient(loss, model.trainable_variables)
    accum = [a + g for a, g in zip(accum, grads)]
opt.apply_gradients(zip(accum, model.trainable_variables))
