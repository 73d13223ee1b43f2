# gradrepl-corpus: target=model.trainable_variables cause=none
import numpy as np
import tensorflow as tf


def make_dataset(n=64):
    x = np.random.rand(n, 3).astype("float32")
    y = (x @ np.array([[1.0], [-1.0], [0.5]], dtype="float32")).astype("float32")
    return tf.data.Dataset.from_tensor_slices((x, y)).batch(16)


def train(model, ds, opt):
    for xb, yb in ds:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(xb, training=True) - yb))
        grads = tape.gradient(loss, model.trainable_variables)
        opt.apply_gradients(zip(grads, model.trainable_variables))
    return float(loss)


def main():
    model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
    opt = tf.keras.optimizers.SGD(0.1)
    print(train(model, make_dataset(), opt))


if __name__ == "__main__":
    main()
