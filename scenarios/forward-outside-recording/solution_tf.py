"""Train a small Keras regressor with a hand-written loop."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
x = tf.random.normal([64, 3])
y = tf.reduce_sum(x, axis=1, keepdims=True) ** 2
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
opt = keras.optimizers.SGD(0.01)
mse = keras.losses.MeanSquaredError()

for epoch in range(3):
    with tf.GradientTape() as tape:
        preds = model(x)  # the forward pass must run while the tape records
        loss = mse(y, preds)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    print(epoch, float(loss))
