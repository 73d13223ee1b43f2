# gradrepl-corpus: target=model.trainable_variables cause=none
import keras
import tensorflow as tf

model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
opt = keras.optimizers.LossScaleOptimizer(keras.optimizers.Adam(1e-3))
x = tf.random.normal((16, 5))
y = tf.random.normal((16, 1))
for _ in range(2):
    with tf.GradientTape() as tape:
        loss = keras.ops.mean(keras.ops.square(model(x, training=True) - y))
        scaled = opt.scale_loss(loss)
    grads = tape.gradient(scaled, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
