# gradrepl-corpus: target=model.trainable_variables cause=none
import keras
import tensorflow as tf

model = keras.Sequential([
    keras.Input((8,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(3),
])
model.layers[0].trainable = False
opt = keras.optimizers.Adam(1e-3)
ce = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
x = tf.random.normal([16, 8])
y = tf.random.uniform([16], maxval=3, dtype=tf.int32)
for step in range(2):
    with tf.GradientTape() as tape:
        loss = ce(y, model(x, training=True))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
