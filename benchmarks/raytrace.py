"""A small recursive ray tracer: spheres, a checkered plane, point lights, reflections.

In the style of pyperformance's raytrace (a simple object-oriented tracer built on a Vector
class with operator overloading). Nothing is written to a file: the pixels are kept in memory
and summarised by a checksum.
"""
import math

WIDTH = 160
HEIGHT = 120
MAX_DEPTH = 3
EPSILON = 1e-6


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        m = self.magnitude()
        return Vector(self.x / m, self.y / m, self.z / m)

    def reflect_through(self, normal):
        return self - normal * (2 * self.dot(normal))

    def __repr__(self):
        return f"Vector({self.x:.3f}, {self.y:.3f}, {self.z:.3f})"


class Color:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r, self.g, self.b = r, g, b

    def __add__(self, other):
        return Color(self.r + other.r, self.g + other.g, self.b + other.b)

    def __mul__(self, k):
        if isinstance(k, Color):
            return Color(self.r * k.r, self.g * k.g, self.b * k.b)
        return Color(self.r * k, self.g * k, self.b * k)

    def to_bytes(self):
        return tuple(max(0, min(255, int(c * 255 + 0.5))) for c in (self.r, self.g, self.b))


BLACK = Color(0.0, 0.0, 0.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.3, reflectivity=0.0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.reflectivity = reflectivity

    def color_at(self, point):
        return self.color


class Checkered(Material):
    def __init__(self, color, other, size=1.0, **kwargs):
        super().__init__(color, **kwargs)
        self.other = other
        self.size = size

    def color_at(self, point):
        cell = math.floor(point.x / self.size) + math.floor(point.z / self.size)
        return self.color if cell % 2 == 0 else self.other


class Sphere:
    def __init__(self, centre, radius, material):
        self.centre = centre
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        for t in (-b - root, -b + root):
            if t > EPSILON:
                return t
        return None

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self, objects, lights, ambient=0.08):
        self.objects = objects
        self.lights = lights
        self.ambient = ambient

    def nearest_hit(self, ray):
        best_t, best_obj = math.inf, None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < best_t:
                best_t, best_obj = t, obj
        return best_obj, best_t

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = to_light.magnitude()
        obj, t = self.nearest_hit(Ray(point, to_light))
        return obj is not None and t < distance

    def trace(self, ray, depth=0):
        obj, t = self.nearest_hit(ray)
        if obj is None:
            # a sky gradient
            k = 0.5 * (ray.direction.y + 1.0)
            return Color(0.6 + 0.2 * k, 0.7 + 0.2 * k, 1.0)
        point = ray.point_at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0:
            normal = -normal
        material = obj.material
        base = material.color_at(point)
        result = base * self.ambient
        for light in self.lights:
            if self.in_shadow(point + normal * 1e-4, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = max(0.0, normal.dot(to_light))
            result = result + (base * light.color) * (lambert * material.diffuse)
            half = (to_light - ray.direction).normalized()
            spec = max(0.0, normal.dot(half)) ** 32
            result = result + light.color * (spec * material.specular)
        if material.reflectivity > 0 and depth < MAX_DEPTH:
            reflected = Ray(point + normal * 1e-4, ray.direction.reflect_through(normal))
            result = result * (1 - material.reflectivity) + self.trace(reflected, depth + 1) * material.reflectivity
        return result


class Camera:
    def __init__(self, eye, look_at, up, fov_degrees, width, height):
        self.eye = eye
        self.width = width
        self.height = height
        forward = (look_at - eye).normalized()
        right = forward.cross(up).normalized()
        self.up = right.cross(forward)
        self.right = right
        self.forward = forward
        self.half = math.tan(math.radians(fov_degrees) / 2)

    def ray_for(self, px, py):
        aspect = self.width / self.height
        sx = (2 * (px + 0.5) / self.width - 1) * self.half * aspect
        sy = (1 - 2 * (py + 0.5) / self.height) * self.half
        return Ray(self.eye, self.forward + self.right * sx + self.up * sy)


def build_scene():
    objects = [
        Plane(Vector(0, 0, 0), Vector(0, 1, 0),
              Checkered(Color(0.9, 0.9, 0.9), Color(0.15, 0.15, 0.2), size=1.5, reflectivity=0.25)),
        Sphere(Vector(0, 1, 0), 1.0, Material(Color(0.9, 0.2, 0.2), reflectivity=0.35)),
        Sphere(Vector(-2.2, 0.7, 1.0), 0.7, Material(Color(0.2, 0.8, 0.3), specular=0.6)),
        Sphere(Vector(2.0, 0.5, 0.8), 0.5, Material(Color(0.2, 0.3, 0.9), reflectivity=0.6)),
        Sphere(Vector(0.8, 0.3, 2.2), 0.3, Material(Color(0.9, 0.8, 0.1))),
    ]
    lights = [Light(Vector(-4, 6, 5), Color(0.8, 0.8, 0.8)), Light(Vector(5, 4, -2), Color(0.4, 0.4, 0.5))]
    return Scene(objects, lights)


def render(scene, camera):
    pixels = []
    for py in range(camera.height):
        row = []
        for px in range(camera.width):
            row.append(scene.trace(camera.ray_for(px, py)).to_bytes())
        pixels.append(row)
    return pixels


def main():
    scene = build_scene()
    camera = Camera(Vector(0, 2.2, 7), Vector(0, 0.8, 0), Vector(0, 1, 0), 50, WIDTH, HEIGHT)
    pixels = render(scene, camera)
    total = [0, 0, 0]
    weighted = 0
    for y, row in enumerate(pixels):
        for x, (r, g, b) in enumerate(row):
            total[0] += r
            total[1] += g
            total[2] += b
            weighted = (weighted * 31 + r * 65536 + g * 256 + b) % 2_147_483_647
    centre = pixels[HEIGHT // 2][WIDTH // 2]
    print(f"{WIDTH}x{HEIGHT} pixels, centre {centre}")
    print(f"checksum {total[0]} {total[1]} {total[2]} {weighted}")


if __name__ == "__main__":
    main()
