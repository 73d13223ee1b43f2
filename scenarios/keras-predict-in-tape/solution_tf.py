"""Train a Keras classifier with a custom loop."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
x = tf.random.normal([64, 4])
y = tf.cast(x[:, 0] * x[:, 1] > 0, tf.int32)
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(2)])
cross_entropy = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
opt = keras.optimizers.Adam(1e-2)

for epoch in range(3):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)  # calling the model records it; predict() returns NumPy
        loss = cross_entropy(y, logits)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    print(epoch, float(loss))
